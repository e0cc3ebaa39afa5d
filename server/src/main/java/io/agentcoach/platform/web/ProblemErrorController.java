package io.agentcoach.platform.web;

import java.io.IOException;
import java.util.Map;

import io.agentcoach.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: whatever reaches the servlet container's error path
 * (failures in filters, requests the container itself rejects) leaves as a problem document,
 * never HTML or a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad request", 404, "Not found", 405, "Method not allowed",
            413, "Request body too large", 414, "URI too long", 415, "Unsupported media type");

    private final ProblemWriter writer;

    ProblemErrorController(ProblemWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && RequestBodyLimitFilter.isBodyTooLarge(t)) {
            writer.write(request, response, RequestBodyLimitFilter.tooLarge(t).getBody());
            return;
        }
        if (failure instanceof ErrorResponse known) {
            writer.write(request, response, known.getBody());
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = status >= 500 ? "Internal error"
                : TITLES.getOrDefault(status, resolved != null ? resolved.getReasonPhrase() : "Error");
        String detail = status >= 500
                ? "Something went wrong on our side. It has been logged; please try again."
                : "The request could not be processed: " + title.toLowerCase() + ".";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title);
        problem.setType(Problems.type(ErrorSlugs.forStatus(status)));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String s) {
            problem.setInstance(java.net.URI.create(s.replaceAll("[^\\x21-\\x7e]", "")));
        }
        writer.write(request, response, problem);
    }
}
