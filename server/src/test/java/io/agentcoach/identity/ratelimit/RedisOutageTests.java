package io.agentcoach.identity.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import io.agentcoach.identity.RateLimits.Decision;
import io.agentcoach.identity.RateLimits.Quota;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The Redis bucket store against the real Redis on 127.0.0.1:6379, reached through a proxy the
 * test cuts: while Redis is away requests are let through uncounted (never an error), the
 * failures are counted, and once it is back the same bucket, still empty, refuses again.
 */
class RedisOutageTests {

    static final int REDIS_PORT = 6379;
    static final Quota TWO_PER_TEN_MINUTES = new Quota(2, Duration.ofMinutes(10));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void whileRedisIsAwayRequestsAreAllowedAndCountedAsFailuresThenLimitsResume() throws IOException {
        String user = UUID.randomUUID().toString();
        try (TcpProxy proxy = new TcpProxy(REDIS_PORT);
                RedisBucketStore store = new RedisBucketStore("redis://127.0.0.1:" + proxy.port(), settings())) {
            TokenBucketRateLimits limits = new TokenBucketRateLimits(store, true, meters);
            // the first connection may take a moment (and a retry) on a busy machine
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> limits.take("warm-up", user, TWO_PER_TEN_MINUTES).counted());
            assertThat(limits.take("user", user, TWO_PER_TEN_MINUTES).allowed()).isTrue();
            assertThat(limits.take("user", user, TWO_PER_TEN_MINUTES).allowed()).isTrue();
            assertThat(limits.take("user", user, TWO_PER_TEN_MINUTES).allowed()).isFalse();

            proxy.cut();
            double failuresBefore = failures();
            Decision during = limits.take("user", user, TWO_PER_TEN_MINUTES);
            assertThat(during.allowed()).isTrue();
            assertThat(during.counted()).isFalse();
            assertThat(during.headers()).isEmpty();
            assertThat(failures()).isEqualTo(failuresBefore + 1);

            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> limits.take("user", user, TWO_PER_TEN_MINUTES).counted());
            Decision after = limits.take("user", user, TWO_PER_TEN_MINUTES);
            assertThat(after.allowed()).isFalse();
            assertThat(meters.get("agentcoach.rate.limit.rejections").tag("bucket", "user").counter().count())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aNodeThatCannotReachRedisAtStartServesUnlimitedAndConnectsOnceItIsThere() throws IOException {
        try (TcpProxy proxy = new TcpProxy(REDIS_PORT)) {
            proxy.cut();
            try (RedisBucketStore store = new RedisBucketStore("redis://127.0.0.1:" + proxy.port(), settings())) {
                TokenBucketRateLimits limits = new TokenBucketRateLimits(store, true, meters);
                for (int i = 0; i < 3; i++) {
                    Decision decision = limits.take("ip", "127.0.0.1", TWO_PER_TEN_MINUTES);
                    assertThat(decision.allowed()).isTrue();
                    assertThat(decision.counted()).isFalse();
                }
                assertThat(failures()).isEqualTo(3);

                proxy.restore();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> limits.take("ip", "127.0.0.1", TWO_PER_TEN_MINUTES).counted());
            }
        }
    }

    private double failures() {
        return meters.get("agentcoach.rate.limit.store.failures").counter().count();
    }

    private static RateLimitSettings.Redis settings() {
        return new RateLimitSettings.Redis("agentcoach-test:" + UUID.randomUUID() + ":", Duration.ofMillis(250),
                Duration.ofSeconds(1));
    }
}
