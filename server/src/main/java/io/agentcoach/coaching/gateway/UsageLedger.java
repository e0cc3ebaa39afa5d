package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.agentcoach.coaching.Allowance;
import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.CoachingSettings.Budgets;
import io.agentcoach.coaching.RoutingDecision;
import io.agentcoach.coaching.gateway.ModelRouter.Preferences;
import io.agentcoach.identity.ConsentPurpose;
import io.agentcoach.identity.Consents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Model calls, their cost, and the budgets they count against: an organization's calendar month
 * and a learner's day, both in UTC. Each call's cost is added to running totals for both periods
 * in the transaction that records the call, so the check before every question reads two rows by
 * primary key instead of summing the month's calls (a scan that grew with usage).
 */
final class UsageLedger implements Allowances {

    /** What a model call was for; the organization's usage report counts messages by {@link #ANSWER}. */
    enum Purpose {
        ANSWER, SUMMARY, PLAN, REVIEW
    }

    record Call(UUID organizationId, UUID userId, UUID sessionId, String model, RoutingDecision routing,
            boolean answered, String failure, int attempts, int inputTokens, int outputTokens, BigDecimal costUsd,
            long latencyMillis, Purpose purpose) {

        Call(UUID organizationId, UUID userId, UUID sessionId, String model, RoutingDecision routing,
                boolean answered, String failure, int attempts, int inputTokens, int outputTokens, BigDecimal costUsd,
                long latencyMillis) {
            this(organizationId, userId, sessionId, model, routing, answered, failure, attempts, inputTokens,
                    outputTokens, costUsd, latencyMillis, Purpose.ANSWER);
        }
    }

    private final JdbcClient jdbc;
    private final Budgets defaults;
    private final Clock clock;
    private final Consents consents;
    private final TransactionOperations transactions;

    UsageLedger(JdbcClient jdbc, TransactionOperations transactions, Budgets defaults, Clock clock,
            Consents consents) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.consents = consents;
        this.defaults = defaults;
        this.clock = clock;
    }

    void record(Call call) {
        OffsetDateTime now = now();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into coaching_model_calls (id, organization_id, user_id, session_id, model, query_type,
                        complexity, routing_reason, outcome, failure, attempts, input_tokens, output_tokens, cost_usd,
                        latency_ms, created_at, purpose)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), call.organizationId(), call.userId(), call.sessionId(), call.model(),
                            call.routing().queryType().name(), call.routing().complexity().name(),
                            truncate(call.routing().reason(), 2000), call.answered() ? "answered" : "failed",
                            call.failure() == null ? null : truncate(call.failure(), 500), call.attempts(),
                            call.inputTokens(), call.outputTokens(), call.costUsd(), call.latencyMillis(), now,
                            call.purpose().name().toLowerCase(java.util.Locale.ROOT))
                    .update();
            if (call.costUsd().signum() > 0) {
                LocalDate day = now.toLocalDate();
                addTo("coaching_organization_monthly_spend", "month_start", call.costUsd(), day.withDayOfMonth(1),
                        call.organizationId());
                addTo("coaching_learner_daily_spend", "spend_day", call.costUsd(), day, call.organizationId(),
                        call.userId());
            }
        });
    }

    /**
     * Adds {@code cost} to the total row keyed by the organization (and user) and {@code period}:
     * usually one update; the period's first call inserts the row first (a concurrent first call's
     * insert does nothing and both updates add up under the row lock).
     */
    private void addTo(String table, String periodColumn, BigDecimal cost, LocalDate period, UUID organizationId,
            UUID... userId) {
        String userColumn = userId.length == 0 ? "" : ", user_id";
        String userMatch = userId.length == 0 ? "" : " and user_id = ?";
        List<Object> key = new ArrayList<>(List.of(organizationId));
        key.addAll(List.of(userId));
        key.add(period);
        List<Object> update = new ArrayList<>(List.of(cost));
        update.addAll(key);
        String add = "update " + table + " set cost_usd = cost_usd + ? where organization_id = ?" + userMatch
                + " and " + periodColumn + " = ?";
        if (jdbc.sql(add).params(update).update() == 0) {
            jdbc.sql("insert into " + table + " (organization_id" + userColumn + ", " + periodColumn + ") values (?"
                    + ", ?".repeat(key.size() - 1) + ") on conflict do nothing").params(key).update();
            jdbc.sql(add).params(update).update();
        }
    }

    /**
     * What a question needs before routing, read in one round trip.
     *
     * @param consentToExternalProcessing whether the learner agreed to external model providers (identity's
     *        consent records; default no)
     */
    record Standing(Allowance allowance, Preferences preferences, boolean consentToExternalProcessing) {

        /** Where no model is configured: nothing to spend, prefer or consent to. */
        static final Standing NO_MODELS = new Standing(new Allowance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, true), Preferences.NONE, false);
    }

    @Override
    public Allowance of(UUID organizationId, UUID userId) {
        return standing(organizationId, userId).allowance();
    }

    Standing standing(UUID organizationId, UUID userId) {
        LocalDate today = now().toLocalDate();
        return jdbc.sql("""
                select
                  coalesce((select cost_usd from coaching_organization_monthly_spend
                     where organization_id = :org and month_start = :month), 0) as org_spent,
                  coalesce((select cost_usd from coaching_learner_daily_spend
                     where organization_id = :org and user_id = :user and spend_day = :day), 0) as learner_spent,
                  p.monthly_budget_usd, p.learner_daily_usd, p.offline_fallback, p.preferred_model as org_model,
                  (select u.preferred_model from coaching_user_preferences u
                     where u.organization_id = :org and u.user_id = :user) as user_model
                from (select 1 as one) base
                left join coaching_organization_policies p on p.organization_id = :org""")
                .param("org", organizationId).param("user", userId)
                .param("month", today.withDayOfMonth(1)).param("day", today)
                .query((rs, n) -> {
                    BigDecimal monthly = rs.getBigDecimal("monthly_budget_usd");
                    BigDecimal daily = rs.getBigDecimal("learner_daily_usd");
                    Boolean fallback = (Boolean) rs.getObject("offline_fallback");
                    Allowance allowance = new Allowance(
                            monthly != null ? monthly : defaults.organizationMonthlyUsd(), rs.getBigDecimal("org_spent"),
                            daily != null ? daily : defaults.learnerDailyUsd(), rs.getBigDecimal("learner_spent"),
                            fallback != null ? fallback : defaults.offlineFallback());
                    return new Standing(allowance, new Preferences(Objects.toString(rs.getString("user_model"), ""),
                            Objects.toString(rs.getString("org_model"), "")),
                            consents.granted(userId, ConsentPurpose.EXTERNAL_MODEL_PROCESSING));
                })
                .single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
