package io.agentcoach.identity.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.agentcoach.identity.RateLimits;
import io.agentcoach.identity.RateLimits.Decision;
import io.agentcoach.identity.RateLimits.Quota;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.ErrorResponseException;

/**
 * Throttles credential guessing against the API from one client address. A request whose bearer
 * token or API key is refused (malformed, expired, revoked or unknown) takes a token from the
 * address's {@code failed-auth} bucket ({@code agentcoach.rate-limit.failed-auth}); the one that
 * finds it empty is answered 429 instead of 401, and from then until a token is back every request
 * from that address that carries credentials is refused with 429 before they are even checked: a
 * guess that would have been right is refused too, which is what makes guessing slow. Requests with
 * valid credentials take nothing, so people sharing the address with a guesser are held up only
 * while it is blocked.
 *
 * <p>The block itself is remembered on the node that saw the refusal. With the buckets in Redis
 * every node learns of it from its own first refused failure, so N nodes let at most N more
 * guesses through per window than the quota says.
 */
public final class FailedAuthentications {

    static final String POLICY = "failed-auth";
    private static final int MAX_BLOCKED_ADDRESSES = 100_000;

    private final RateLimits limits;
    private final Quota quota;
    private final Cache<String, Blocked> blocked = Caffeine.newBuilder()
            .maximumSize(MAX_BLOCKED_ADDRESSES)
            .expireAfter(Expiry.creating((String address, Blocked b) -> b.refusal().retryAfter()))
            .build();

    FailedAuthentications(RateLimits limits, Quota quota) {
        this.limits = limits;
        this.quota = quota;
    }

    /**
     * Counts a request whose credentials were refused. Empty while the address has failures left;
     * otherwise the 429 {@code /problems/rate-limited} to answer instead of 401.
     */
    public Optional<ErrorResponseException> failed(HttpServletRequest request) {
        String address = ClientAddressRateLimitFilter.clientAddress(request);
        Decision decision = limits.take(POLICY, address, quota);
        if (decision.allowed()) {
            return Optional.empty();
        }
        blocked.put(address, new Blocked(decision, System.nanoTime()));
        return Optional.of(RateLimitFilter.refusal(decision));
    }

    /** The refusal for a request with credentials from an address that is blocked now; null if it is not. */
    Decision blocked(HttpServletRequest request) {
        Blocked block = blocked.getIfPresent(ClientAddressRateLimitFilter.clientAddress(request));
        if (block == null) {
            return null;
        }
        Duration since = Duration.ofNanos(System.nanoTime() - block.at());
        Decision refusal = block.refusal();
        return new Decision(refusal.policy(), refusal.quota(), false, true, 0, positive(refusal.retryAfter().minus(since)),
                positive(refusal.reset().minus(since)));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private record Blocked(Decision refusal, long at) {
    }
}
