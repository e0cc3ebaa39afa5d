package io.agentcoach.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one way modules report a failure to a client: an RFC 9457 problem with a stable
 * {@code type}. Throw what these factories return; the platform renders it as
 * {@code application/problem+json}. Types are listed in docs/problems.md.
 */
public final class Problems {

    /** Prefix of every problem type this server emits. */
    public static final String TYPE_PREFIX = "/problems/";

    private Problems() {
    }

    /** A problem type URI for a slug such as {@code not-found}. */
    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** A problem with its status, stable type slug, short title and human detail. */
    public static ErrorResponseException of(HttpStatusCode status, String slug, String title, String detail) {
        return of(status, slug, title, detail, Map.of());
    }

    /** As {@link #of(HttpStatusCode, String, String, String)} with extra members on the problem. */
    public static ErrorResponseException of(HttpStatusCode status, String slug, String title, String detail,
            Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }

    /** 404 that never says whether the thing exists for someone else. */
    public static ErrorResponseException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    /**
     * A problem as the members of its JSON object, for channels that carry problems inside their
     * own frames (a WebSocket's error frame) rather than as a response body.
     */
    public static Map<String, Object> body(int status, String slug, String title, String detail,
            Map<String, ?> properties) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(properties);
        return problem;
    }

    /** As {@link #body(int, String, String, String, Map)} for a refusal thrown as a problem. */
    public static Map<String, Object> body(ErrorResponseException refused) {
        ProblemDetail problem = refused.getBody();
        String type = problem.getType().toString();
        String slug = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        return body(problem.getStatus(), slug, problem.getTitle(), problem.getDetail(),
                problem.getProperties() == null ? Map.of() : problem.getProperties());
    }

    /** 400 for a request that is well-formed but not acceptable. */
    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }
}
