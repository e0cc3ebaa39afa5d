package io.agentcoach.identity;

import java.time.Duration;
import java.util.Map;

import io.agentcoach.platform.Problems;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Token buckets, kept on this node or, when {@code AGENTCOACH_REDIS_URL} is set, in Redis and so
 * shared by every node. Identity limits every HTTP request with them (per API key, per user by
 * their organization's plan, per client address); other modules take from buckets of their own
 * for actions that need a stricter limit than the request as a whole (a coach message, whether it
 * came over HTTP or a WebSocket). See docs/operations.md.
 */
public interface RateLimits {

    /**
     * Takes one token from the bucket of {@code key} under {@code policy}, a bucket that holds
     * {@code quota.requests()} tokens and refills them evenly over {@code quota.window()}. Never
     * throws: when the shared store cannot be reached the request is allowed, uncounted, and the
     * failure is logged and counted ({@code agentcoach_rate_limit_store_failures_total}).
     *
     * @param policy the kind of bucket, a short stable name clients see in the {@code RateLimit}
     *        headers ({@code "coach-messages"}); buckets of different policies never share tokens
     * @param key whose bucket within the policy (a user id, an address)
     */
    Decision take(String policy, String key, Quota quota);

    /**
     * A bucket's size: {@code requests} tokens, refilled evenly over {@code window} (a full
     * bucket is a burst of {@code requests}; the sustained rate is {@code requests / window}).
     * Written in settings as {@code requests/window}, for example {@code 600/1m} or {@code 10/30s}.
     */
    record Quota(long requests, Duration window) {

        public Quota {
            if (requests < 1) {
                throw new IllegalArgumentException("a quota allows at least 1 request, not " + requests);
            }
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("a quota's window is at least 1s, not " + window);
            }
        }

        public static Quota perMinute(long requests) {
            return new Quota(requests, Duration.ofMinutes(1));
        }

        /** Parses {@code requests/window}, as settings write it ({@code 600/1m}). */
        public static Quota valueOf(String text) {
            String[] parts = text.strip().split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not requests/window, such as 600/1m");
            }
            try {
                return new Quota(Long.parseLong(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not requests/window, such as 600/1m");
            }
        }

        /** The window in whole seconds, as the {@code w} of a {@code RateLimit-Policy} header. */
        public long windowSeconds() {
            return ceilSeconds(window);
        }

        @Override
        public String toString() {
            return requests + "/" + window.toSeconds() + "s";
        }
    }

    /**
     * What a bucket said.
     *
     * @param policy the bucket's kind
     * @param quota its size
     * @param allowed whether the request may go on (a token was taken, or the store was unreachable)
     * @param counted false when the store was unreachable and nothing is known about the bucket
     * @param remaining tokens left after this request
     * @param retryAfter when refused, how long until a token is back; zero otherwise
     * @param reset how long until the bucket is full again
     */
    record Decision(String policy, Quota quota, boolean allowed, boolean counted, long remaining, Duration retryAfter,
            Duration reset) {

        /** A request allowed without counting it (limits switched off, or the store unreachable). */
        public static Decision uncounted(String policy, Quota quota) {
            return new Decision(policy, quota, true, false, quota.requests(), Duration.ZERO, Duration.ZERO);
        }

        /** {@code Retry-After} in whole seconds, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, ceilSeconds(retryAfter));
        }

        /** The {@code RateLimit} header's value: {@code "user";r=12;t=30}. */
        public String rateLimitHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + ceilSeconds(reset);
        }

        /** The {@code RateLimit-Policy} header's value: {@code "user";q=600;w=60}. */
        public String policyHeader() {
            return "\"" + policy + "\";q=" + quota.requests() + ";w=" + quota.windowSeconds();
        }

        /** Header names and values to add to a response; none for an uncounted decision. */
        public Map<String, String> headers() {
            if (!counted) {
                return Map.of();
            }
            return allowed ? Map.of("RateLimit", rateLimitHeader(), "RateLimit-Policy", policyHeader())
                    : Map.of("RateLimit", rateLimitHeader(), "RateLimit-Policy", policyHeader(),
                            HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        }

        /**
         * The 429 problem {@code /problems/rate-limited} for a refused request, with
         * {@code Retry-After}, {@code RateLimit} and {@code RateLimit-Policy} headers and
         * {@code retryAfterSeconds} and {@code policy} members.
         */
        public ErrorResponseException refusal(String title, String detail) {
            ErrorResponseException problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", title, detail,
                    Map.of("retryAfterSeconds", retryAfterSeconds(), "policy", policy));
            headers().forEach(problem.getHeaders()::set);
            return problem;
        }
    }

    private static long ceilSeconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis + 999) / 1000;
    }
}
