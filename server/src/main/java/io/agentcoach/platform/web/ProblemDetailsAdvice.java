package io.agentcoach.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.agentcoach.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that leaves a controller into an RFC 9457 problem with a stable type.
 * Client mistakes get a 4xx that says what to fix; anything unexpected becomes a 500 whose body
 * reveals nothing, while the cause is logged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Class<? extends Exception>, String> SLUGS = Map.ofEntries(
            Map.entry(MethodArgumentNotValidException.class, "validation-failed"),
            Map.entry(HandlerMethodValidationException.class, "validation-failed"),
            Map.entry(HttpMessageNotReadableException.class, "malformed-request"),
            Map.entry(HttpMediaTypeNotSupportedException.class, "unsupported-media-type"),
            Map.entry(HttpMediaTypeNotAcceptableException.class, "not-acceptable"),
            Map.entry(HttpRequestMethodNotSupportedException.class, "method-not-allowed"),
            Map.entry(NoResourceFoundException.class, "not-found"),
            Map.entry(MissingServletRequestParameterException.class, "missing-parameter"),
            Map.entry(MissingRequestHeaderException.class, "missing-header"),
            Map.entry(MethodArgumentTypeMismatchException.class, "invalid-parameter"),
            Map.entry(MaxUploadSizeExceededException.class, "payload-too-large"));

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        problem.setTitle("Validation failed");
        problem.setDetail(errors.isEmpty() ? "The request is not valid." : "Some fields are not valid: "
                + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()) + ".");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimitFilter.isBodyTooLarge(ex)) {
            return problemResponse(RequestBodyLimitFilter.tooLarge(ex), request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body could not be read: it is missing or is not well-formed JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(RequestBodyLimitFilter.BodyTooLargeException ex, WebRequest request) {
        return problemResponse(ex, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (ex instanceof ErrorResponse known) {
            return problemResponse(known, request);
        }
        String where = request instanceof ServletWebRequest swr ? describe(swr.getRequest()) : "request";
        log.error("Unexpected failure handling {}", where, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. It has been logged; please try again.");
        problem.setTitle("Internal error");
        problem.setType(Problems.type("internal-error"));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> problemResponse(ErrorResponse error, WebRequest request) {
        Exception ex = error instanceof Exception e ? e : new ErrorResponseException(error.getStatusCode());
        return handleExceptionInternal(ex, error.getBody(), error.getHeaders(), error.getStatusCode(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                problem.setType(Problems.type(slugFor(ex, statusCode)));
            }
            if (request instanceof ServletWebRequest swr && problem.getInstance() == null) {
                problem.setInstance(URI.create(swr.getRequest().getRequestURI()));
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    static String slugFor(Exception ex, HttpStatusCode status) {
        for (var entry : SLUGS.entrySet()) {
            if (entry.getKey().isInstance(ex)) {
                return entry.getValue();
            }
        }
        return ErrorSlugs.forStatus(status.value());
    }

    private static String describe(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }
}
