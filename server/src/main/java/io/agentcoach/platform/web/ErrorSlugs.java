package io.agentcoach.platform.web;

import org.springframework.http.HttpStatus;

/** The problem type slug used when nothing more specific is known than the status. */
final class ErrorSlugs {

    private ErrorSlugs() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : titleSlug(status);
        };
    }

    private static String titleSlug(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "http-" + status : known.getReasonPhrase().toLowerCase().replace(' ', '-');
    }
}
