package io.agentcoach.identity.ratelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.agentcoach.identity.RateLimits;
import io.agentcoach.identity.RateLimits.Quota;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What one rate limit check costs, single-threaded, p50/p95/p99 per call after a warm-up:
 * the in-process bucket (one hot key, and 10,000 keys in turn) beside a same-run baseline of a
 * ConcurrentHashMap counter per key; the Redis bucket beside a same-run Redis PING over the same
 * kind of connection (so the ratio is in round trips). Run by bench/rate-limit; not a test.
 */
public final class RateLimitBenchmark {

    private static final Quota NEVER_REFUSES = new Quota(1_000_000_000L, Duration.ofMinutes(1));

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String redis = args.length > 1 ? args[1] : "redis://127.0.0.1:6379";

        RateLimits local = new TokenBucketRateLimits(new LocalBucketStore(), true, new SimpleMeterRegistry());
        Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
        String[] keys = new String[10_000];
        Arrays.setAll(keys, i -> UUID.randomUUID().toString());
        report("local bucket, one key", measure(iterations, i -> local.take("user", keys[0], NEVER_REFUSES)));
        report("local bucket, 10k keys", measure(iterations, i -> local.take("user", keys[i % keys.length], NEVER_REFUSES)));
        report("baseline: map counter, 10k keys", measure(iterations,
                i -> counters.computeIfAbsent(keys[i % keys.length], k -> new AtomicLong()).incrementAndGet()));

        int remote = Math.max(1_000, iterations / 10);
        RateLimitSettings.Redis settings = new RateLimitSettings.Redis("bench-" + UUID.randomUUID() + ":",
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (RedisBucketStore store = new RedisBucketStore(redis, settings)) {
            RateLimits shared = new TokenBucketRateLimits(store, true, new SimpleMeterRegistry());
            report("redis bucket, 10k keys", measure(remote, i -> {
                if (!shared.take("user", keys[i % keys.length], NEVER_REFUSES).counted()) {
                    throw new IllegalStateException("Redis at " + redis + " is not reachable");
                }
            }));
        }
        RedisClient client = RedisClient.create(redis);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            report("baseline: redis PING", measure(remote, i -> connection.sync().ping()));
        } finally {
            client.shutdown();
        }
    }

    private static long[] measure(int iterations, IntConsumer call) {
        for (int i = 0; i < iterations; i++) {
            call.accept(i);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-34s p50 %8.1f µs  p95 %8.1f µs  p99 %8.1f µs  (%d calls)%n", what,
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}
