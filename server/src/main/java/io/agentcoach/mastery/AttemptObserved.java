package io.agentcoach.mastery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learner's answer that bears on their mastery: a graded submission or a check-question answer.
 *
 * @param attemptId unique per organization; delivering the same attempt again changes nothing
 * @param organizationId the tenant
 * @param userId the learner
 * @param itemId the exercise or question answered, or null if none applies
 * @param skillIds the skills it exercises (at least one)
 * @param correct whether it passed
 * @param occurredAt when the learner answered; answers arriving out of this order are replayed in it
 */
public record AttemptObserved(String attemptId, UUID organizationId, UUID userId, String itemId,
        List<String> skillIds, boolean correct, Instant occurredAt) {

    public AttemptObserved {
        skillIds = List.copyOf(skillIds);
    }
}
