package io.agentcoach.coaching;

import java.math.BigDecimal;

/**
 * What remains of the model budgets for one learner in one organization, in USD.
 *
 * @param organizationMonthlyBudget the organization's budget this calendar month (UTC)
 * @param organizationMonthlySpent what the organization spent this month
 * @param learnerDailyAllowance the learner's allowance today (UTC)
 * @param learnerDailySpent what the learner spent today
 * @param offlineFallback whether the offline coach answers once a budget is used up
 */
public record Allowance(BigDecimal organizationMonthlyBudget, BigDecimal organizationMonthlySpent,
        BigDecimal learnerDailyAllowance, BigDecimal learnerDailySpent, boolean offlineFallback) {

    /** The smaller of what remains of the organization's month and the learner's day, never negative. */
    public BigDecimal remaining() {
        BigDecimal org = organizationMonthlyBudget.subtract(organizationMonthlySpent);
        BigDecimal learner = learnerDailyAllowance.subtract(learnerDailySpent);
        return org.min(learner).max(BigDecimal.ZERO);
    }

    public boolean exhausted() {
        return remaining().signum() == 0;
    }

    /** Which budget is used up, in words, or empty while both have money left. */
    public String exhaustedBecause() {
        if (organizationMonthlySpent.compareTo(organizationMonthlyBudget) >= 0) {
            return "your organization's AI budget for this month is used up";
        }
        if (learnerDailySpent.compareTo(learnerDailyAllowance) >= 0) {
            return "your daily AI allowance is used up (it renews at midnight UTC)";
        }
        return "";
    }
}
