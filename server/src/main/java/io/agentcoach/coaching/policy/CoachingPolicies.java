package io.agentcoach.coaching.policy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organization sets for its coach (monthly budget, per-learner daily allowance, offline
 * fallback, preferred model) and each learner's preferred model. A null value means the
 * settings' default applies.
 */
@Repository
public class CoachingPolicies {

    public record OrganizationPolicy(BigDecimal monthlyBudgetUsd, BigDecimal learnerDailyUsd, Boolean offlineFallback,
            String preferredModel) {
    }

    private final JdbcClient jdbc;

    CoachingPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrganizationPolicy> of(UUID organizationId) {
        return jdbc.sql("""
                select monthly_budget_usd, learner_daily_usd, offline_fallback, preferred_model
                from coaching_organization_policies where organization_id = ?""")
                .param(organizationId)
                .query((rs, n) -> new OrganizationPolicy(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        (Boolean) rs.getObject(3), rs.getString(4)))
                .optional();
    }

    /** Replaces the organization's policy. */
    @Transactional
    public void set(UUID organizationId, OrganizationPolicy policy) {
        int updated = jdbc.sql("""
                update coaching_organization_policies set monthly_budget_usd = ?, learner_daily_usd = ?,
                    offline_fallback = ?, preferred_model = ?, updated_at = current_timestamp
                where organization_id = ?""")
                .params(policy.monthlyBudgetUsd(), policy.learnerDailyUsd(), policy.offlineFallback(),
                        policy.preferredModel(), organizationId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into coaching_organization_policies
                        (organization_id, monthly_budget_usd, learner_daily_usd, offline_fallback, preferred_model)
                    values (?, ?, ?, ?, ?)""")
                    .params(organizationId, policy.monthlyBudgetUsd(), policy.learnerDailyUsd(),
                            policy.offlineFallback(), policy.preferredModel())
                    .update();
        }
    }

    /** Sets (or with null clears) a learner's preferred model. */
    @Transactional
    public void preferModel(UUID organizationId, UUID userId, String model) {
        setPreference(organizationId, userId, "preferred_model", model);
    }

    /** Updates one column of the learner's preferences row, creating the row on first use. */
    private void setPreference(UUID organizationId, UUID userId, String column, Object value) {
        int updated = jdbc.sql("update coaching_user_preferences set " + column
                + " = ?, updated_at = current_timestamp where organization_id = ? and user_id = ?")
                .params(value, organizationId, userId).update();
        if (updated == 0) {
            jdbc.sql("insert into coaching_user_preferences (organization_id, user_id, " + column + ") values (?, ?, ?)")
                    .params(organizationId, userId, value).update();
        }
    }
}
