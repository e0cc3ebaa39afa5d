package io.agentcoach.mastery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Learners of an organization at risk of stalling, with the evidence, for its admins and instructors. */
public interface AtRiskLearners {

    /** Failed answers in a row on one skill that count as repeated failure. */
    int FAILURE_STREAK = 3;

    /**
     * Every learner of the organization who has answered anything and either has not answered in
     * {@code days} days or whose latest {@link #FAILURE_STREAK} answers on some skill all failed;
     * longest idle first.
     */
    List<AtRisk> of(UUID organizationId, int days);

    /**
     * One learner at risk.
     *
     * @param userId the learner
     * @param lastActivityAt their latest answer
     * @param reasons why, at least one
     */
    record AtRisk(UUID userId, Instant lastActivityAt, List<Reason> reasons) {
        public AtRisk {
            reasons = List.copyOf(reasons);
        }
    }

    enum Kind { NO_PROGRESS, REPEATED_FAILURES }

    /**
     * One reason with its evidence.
     *
     * @param kind no answer for the period, or failures in a row
     * @param skillId the skill failed repeatedly; null for no progress
     * @param detail the evidence in plain words
     * @param attemptIds the answers it rests on (the latest one for no progress)
     */
    record Reason(Kind kind, String skillId, String detail, List<String> attemptIds) {
        public Reason {
            attemptIds = List.copyOf(attemptIds);
        }
    }
}
