package io.agentcoach.identity.ratelimit;

import io.agentcoach.identity.RateLimits;
import io.agentcoach.identity.RateLimits.Decision;
import io.agentcoach.identity.RateLimits.Quota;
import io.agentcoach.identity.security.CurrentUserAuthentication;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.platform.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Limits authenticated API requests per credential, with the quota of the plan of the
 * organization the credential acts in: an API key has a bucket of its own (scripts do not eat
 * their owner's interactive quota), every access token of one user shares the user's bucket.
 * Runs inside the API's security filter chain, once the caller is known.
 */
public final class CallerRateLimitFilter extends RateLimitFilter {

    static final String USER = "user";
    static final String API_KEY = "api-key";

    private final RateLimits limits;
    private final PlanQuotas plans;

    CallerRateLimitFilter(RateLimits limits, PlanQuotas plans, ProblemResponses problems) {
        super(problems);
        this.limits = limits;
        this.plans = plans;
    }

    @Override
    Decision decide(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CurrentUserAuthentication caller)) {
            return null;
        }
        Quota quota = plans.quotaOf(caller.user().organizationId());
        if (API_KEY.equals(caller.credentialKind())) {
            return limits.take(API_KEY, apiKeyId(request), quota);
        }
        return limits.take(USER, caller.user().userId().toString(), quota);
    }

    /** Names the key that authenticated this request by its secret's hash, as api_keys stores it. */
    private static String apiKeyId(HttpServletRequest request) {
        String secret = request.getHeader("X-API-Key");
        if (secret == null) {
            secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring("Bearer ".length());
        }
        return Digests.sha256Hex(secret.strip()).substring(0, 32);
    }
}
