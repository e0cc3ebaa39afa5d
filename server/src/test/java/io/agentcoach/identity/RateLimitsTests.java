package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import io.agentcoach.identity.RateLimits.Decision;
import io.agentcoach.identity.RateLimits.Quota;
import org.junit.jupiter.api.Test;

/** How quotas are written in settings, and how a bucket's answer becomes headers and a problem. */
class RateLimitsTests {

    @Test
    void aQuotaIsWrittenAsRequestsPerWindow() {
        assertThat(Quota.valueOf("600/1m")).isEqualTo(new Quota(600, Duration.ofMinutes(1)));
        assertThat(Quota.valueOf(" 10 / 30s ")).isEqualTo(new Quota(10, Duration.ofSeconds(30)));
        assertThat(Quota.valueOf("5/PT1H").windowSeconds()).isEqualTo(3600);
    }

    @Test
    void aQuotaThatAllowsNothingOrHasNoWindowIsRefusedWithTheExpectedForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quota.valueOf("600")).withMessageContaining("600/1m");
        assertThatIllegalArgumentException().isThrownBy(() -> Quota.valueOf("many/1m")).withMessageContaining("600/1m");
        assertThatIllegalArgumentException().isThrownBy(() -> Quota.valueOf("0/1m")).withMessageContaining("at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Quota.valueOf("5/500ms"))
                .withMessageContaining("at least 1s");
    }

    @Test
    void anAllowedRequestCarriesTheBucketsStateRoundedUpToWholeSeconds() {
        Decision allowed = new Decision("user", Quota.perMinute(600), true, true, 598, Duration.ZERO,
                Duration.ofMillis(200));

        assertThat(allowed.headers()).containsOnly(
                org.assertj.core.api.Assertions.entry("RateLimit", "\"user\";r=598;t=1"),
                org.assertj.core.api.Assertions.entry("RateLimit-Policy", "\"user\";q=600;w=60"));
    }

    @Test
    void aRefusalIsA429ProblemWithRetryAfterAndTheRateLimitHeaders() {
        Decision refused = new Decision("ip", Quota.valueOf("3/6s"), false, true, 0, Duration.ofMillis(1_300),
                Duration.ofMillis(5_300));

        var problem = refused.refusal("Too many requests", "Slow down.");

        assertThat(problem.getStatusCode().value()).isEqualTo(429);
        assertThat(problem.getBody().getType().toString()).isEqualTo("/problems/rate-limited");
        assertThat(problem.getBody().getProperties()).containsEntry("retryAfterSeconds", 2L).containsEntry("policy", "ip");
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(problem.getHeaders().getFirst("RateLimit")).isEqualTo("\"ip\";r=0;t=6");
        assertThat(problem.getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"ip\";q=3;w=6");
    }

    @Test
    void anUncountedDecisionAllowsAndClaimsNothingAboutTheBucket() {
        Decision uncounted = Decision.uncounted("user", Quota.perMinute(10));

        assertThat(uncounted.allowed()).isTrue();
        assertThat(uncounted.headers()).isEmpty();
    }
}
