package io.agentcoach.mastery;

import java.time.Instant;

/**
 * One point of a skill's mastery history: the estimate right after an answer.
 *
 * @param attemptId the answer that produced it
 * @param mastery probability of mastery
 * @param proficiency the same, 0-100
 * @param occurredAt when the answer was given
 */
public record MasteryPoint(String attemptId, double mastery, int proficiency, Instant occurredAt) {
}
