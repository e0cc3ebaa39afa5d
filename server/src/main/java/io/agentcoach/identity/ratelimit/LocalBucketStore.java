package io.agentcoach.identity.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.agentcoach.identity.RateLimits.Quota;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in this node's memory. A bucket nobody has touched for a whole window is full again,
 * exactly like a new one, so it is dropped then; the most buckets kept is bounded all the same.
 */
final class LocalBucketStore implements BucketStore {

    private static final long MAX_BUCKETS = 1_000_000;

    private record Entry(Bucket bucket, Duration window) {
    }

    private final Cache<String, Entry> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfter(Expiry.accessing((String key, Entry entry) -> entry.window()))
            .build();

    @Override
    public ConsumptionProbe take(String key, Quota quota) {
        return buckets.get(key, k -> new Entry(Bucket.builder().addLimit(BucketStore.bandwidth(quota)).build(), quota.window())).bucket().tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        buckets.invalidateAll();
    }
}
