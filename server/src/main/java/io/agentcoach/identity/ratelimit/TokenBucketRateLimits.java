package io.agentcoach.identity.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.agentcoach.identity.RateLimits;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RateLimits} over a {@link BucketStore}. Refusals are counted per policy
 * ({@code agentcoach_rate_limit_rejections_total{bucket="user"}}); a store that fails lets the
 * request through, counted in {@code agentcoach_rate_limit_store_failures_total} and logged at
 * most once a minute, so that a Redis outage degrades limits and never the API.
 */
final class TokenBucketRateLimits implements RateLimits {

    private static final Logger log = LoggerFactory.getLogger(TokenBucketRateLimits.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final BucketStore store;
    private final boolean enabled;
    private final MeterRegistry meters;
    private final Counter storeFailures;
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    TokenBucketRateLimits(BucketStore store, boolean enabled, MeterRegistry meters) {
        this.store = store;
        this.enabled = enabled;
        this.meters = meters;
        this.storeFailures = Counter.builder("agentcoach.rate.limit.store.failures")
                .description("Rate limit checks that could not reach the bucket store and let the request through")
                .register(meters);
    }

    @Override
    public Decision take(String policy, String key, Quota quota) {
        if (!enabled) {
            return Decision.uncounted(policy, quota);
        }
        ConsumptionProbe probe;
        try {
            // the quota is part of the name: a plan change starts a bucket of the new size
            probe = store.take(policy + ":" + key + ":" + quota, quota);
        } catch (RuntimeException failure) {
            storeFailures.increment();
            warn(failure);
            return Decision.uncounted(policy, quota);
        }
        if (!probe.isConsumed()) {
            rejections.computeIfAbsent(policy, p -> Counter.builder("agentcoach.rate.limit.rejections")
                    .description("Requests refused with 429 by a rate limit, by kind of bucket")
                    .tag("bucket", p).register(meters)).increment();
        }
        return new Decision(policy, quota, probe.isConsumed(), true, probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()),
                Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    private void warn(RuntimeException failure) {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits are not enforced: the bucket store failed ({}); requests are let through. "
                    + "agentcoach_rate_limit_store_failures_total counts every such request.", failure.toString());
        }
    }
}
