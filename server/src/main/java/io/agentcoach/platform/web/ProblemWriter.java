package io.agentcoach.platform.web;

import java.io.IOException;
import java.net.URI;

import io.agentcoach.platform.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for code that runs outside Spring MVC
 * (servlet filters, the error controller).
 */
@Component
class ProblemWriter implements ProblemResponses {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorResponse error)
            throws IOException {
        error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        write(request, response, error.getBody());
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
