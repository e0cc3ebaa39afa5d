package io.agentcoach.identity.ratelimit;

import java.io.IOException;

import io.agentcoach.identity.RateLimits.Decision;
import io.agentcoach.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes a token for each request it limits: an allowed request goes on carrying the
 * {@code RateLimit} and {@code RateLimit-Policy} headers, a refused one ends here with 429
 * {@code /problems/rate-limited} and {@code Retry-After}.
 */
abstract sealed class RateLimitFilter extends OncePerRequestFilter
        permits ClientAddressRateLimitFilter, CallerRateLimitFilter {

    private final ProblemResponses problems;

    RateLimitFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    /** The bucket's answer for this request, or null when this filter does not limit it. */
    abstract Decision decide(HttpServletRequest request);

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Decision decision = decide(request);
        if (decision == null) {
            chain.doFilter(request, response);
            return;
        }
        if (decision.allowed()) {
            decision.headers().forEach(response::setHeader);
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, refusal(decision));
    }

    /** The 429 problem for a refused request, saying which limit it met. */
    static ErrorResponseException refusal(Decision decision) {
        return decision.refusal("Too many requests", "More than " + decision.quota().requests() + " requests in "
                + decision.quota().windowSeconds() + " s " + from(decision.policy()) + "; try again in "
                + decision.retryAfterSeconds() + " s.");
    }

    private static String from(String policy) {
        return switch (policy) {
            case ClientAddressRateLimitFilter.SENSITIVE -> "to sign-in and account endpoints from your address";
            case ClientAddressRateLimitFilter.ANONYMOUS -> "without credentials from your address";
            case FailedAuthentications.POLICY -> "with invalid credentials from your address";
            case CallerRateLimitFilter.API_KEY -> "with this API key";
            default -> "by you";
        };
    }
}
