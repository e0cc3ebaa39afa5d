package io.agentcoach.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.ErrorResponse;

/**
 * Writes a problem straight to a servlet response, for code that runs before Spring MVC
 * (security filters, entry points). Controllers simply throw what {@link Problems} builds.
 */
public interface ProblemResponses {

    /** Writes {@code error}'s status, headers and problem body as {@code application/problem+json}. */
    void write(HttpServletRequest request, HttpServletResponse response, ErrorResponse error) throws IOException;
}
