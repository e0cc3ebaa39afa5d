package io.agentcoach.identity.ratelimit;

import io.agentcoach.identity.RateLimits.Quota;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: on this node, or in Redis shared by all nodes. */
interface BucketStore extends AutoCloseable {

    /**
     * Takes one token from the bucket named {@code key}, creating it full with {@code quota}'s
     * size when it does not exist (or has expired, which only happens once it would be full).
     *
     * @throws RuntimeException when the store cannot be reached
     */
    ConsumptionProbe take(String key, Quota quota);

    @Override
    void close();

    /** A bucket of {@code quota.requests()} tokens refilled evenly over {@code quota.window()}. */
    static Bandwidth bandwidth(Quota quota) {
        return Bandwidth.builder().capacity(quota.requests()).refillGreedy(quota.requests(), quota.window()).build();
    }

    static BucketConfiguration configuration(Quota quota) {
        return BucketConfiguration.builder().addLimit(bandwidth(quota)).build();
    }
}
