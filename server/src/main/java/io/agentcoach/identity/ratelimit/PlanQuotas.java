package io.agentcoach.identity.ratelimit;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentcoach.identity.RateLimits.Quota;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-credential quota of an organization, by its plan. Plans change rarely, so each is read
 * once a minute at most; a changed plan applies within that minute.
 */
final class PlanQuotas {

    private final JdbcClient jdbc;
    private final RateLimitSettings.Plans quotas;
    private final Cache<UUID, String> plans = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    PlanQuotas(JdbcClient jdbc, RateLimitSettings.Plans quotas) {
        this.jdbc = jdbc;
        this.quotas = quotas;
    }

    Quota quotaOf(UUID organizationId) {
        return quotas.of(plans.get(organizationId, this::plan));
    }

    private String plan(UUID organizationId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select plan from organizations where id = ?")
                .param(organizationId).query(String.class).optional().orElse("individual"));
    }
}
