package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.Allowance;
import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.CoachingSettings.Budgets;
import io.agentcoach.coaching.RoutingDecision;
import io.agentcoach.coaching.gateway.ModelRouter.Preferences;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Model calls, their cost, and the budgets they count against: an organization's calendar month
 * and a learner's day, both in UTC.
 */
final class UsageLedger implements Allowances {

    record Call(UUID organizationId, UUID userId, UUID sessionId, String model, RoutingDecision routing,
            boolean answered, String failure, int attempts, int inputTokens, int outputTokens, BigDecimal costUsd,
            long latencyMillis) {
    }

    private record Policy(BigDecimal monthly, BigDecimal daily, Boolean offlineFallback, String preferredModel) {
    }

    private final JdbcClient jdbc;
    private final Budgets defaults;
    private final Clock clock;

    UsageLedger(JdbcClient jdbc, Budgets defaults, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.clock = clock;
    }

    void record(Call call) {
        jdbc.sql("""
                insert into coaching_model_calls (id, organization_id, user_id, session_id, model, query_type,
                    complexity, routing_reason, outcome, failure, attempts, input_tokens, output_tokens, cost_usd,
                    latency_ms, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), call.organizationId(), call.userId(), call.sessionId(), call.model(),
                        call.routing().queryType().name(), call.routing().complexity().name(),
                        truncate(call.routing().reason(), 2000), call.answered() ? "answered" : "failed",
                        call.failure() == null ? null : truncate(call.failure(), 500), call.attempts(),
                        call.inputTokens(), call.outputTokens(), call.costUsd(), call.latencyMillis(), now())
                .update();
    }

    @Override
    public Allowance of(UUID organizationId, UUID userId) {
        Policy policy = policy(organizationId);
        OffsetDateTime now = now();
        OffsetDateTime monthStart = LocalDate.from(now).withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime dayStart = LocalDate.from(now).atStartOfDay().atOffset(ZoneOffset.UTC);
        BigDecimal orgSpent = jdbc.sql("""
                select coalesce(sum(cost_usd), 0) from coaching_model_calls
                where organization_id = ? and created_at >= ?""")
                .params(organizationId, monthStart).query(BigDecimal.class).single();
        BigDecimal learnerSpent = jdbc.sql("""
                select coalesce(sum(cost_usd), 0) from coaching_model_calls
                where organization_id = ? and user_id = ? and created_at >= ?""")
                .params(organizationId, userId, dayStart).query(BigDecimal.class).single();
        return new Allowance(
                policy.monthly() != null ? policy.monthly() : defaults.organizationMonthlyUsd(), orgSpent,
                policy.daily() != null ? policy.daily() : defaults.learnerDailyUsd(), learnerSpent,
                policy.offlineFallback() != null ? policy.offlineFallback() : defaults.offlineFallback());
    }

    Preferences preferences(UUID organizationId, UUID userId) {
        String userModel = jdbc.sql("""
                select preferred_model from coaching_user_preferences where organization_id = ? and user_id = ?""")
                .params(organizationId, userId).query(String.class).optional().orElse("");
        String orgModel = Optional.ofNullable(policy(organizationId).preferredModel()).orElse("");
        return new Preferences(userModel == null ? "" : userModel, orgModel);
    }

    private Policy policy(UUID organizationId) {
        return jdbc.sql("""
                select monthly_budget_usd, learner_daily_usd, offline_fallback, preferred_model
                from coaching_organization_policies where organization_id = ?""")
                .param(organizationId)
                .query((rs, n) -> new Policy(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        (Boolean) rs.getObject(3), rs.getString(4)))
                .optional().orElse(new Policy(null, null, null, null));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
