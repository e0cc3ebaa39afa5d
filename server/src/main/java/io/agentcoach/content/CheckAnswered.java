package io.agentcoach.content;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in learner answered a lesson's check question.
 *
 * @param answerId unique per answer; the same answer delivered twice carries the same id
 * @param organizationId the learner's organization
 * @param userId the learner
 * @param lessonId the lesson
 * @param checkId the check question within it
 * @param skill the skill the question checks
 * @param correct whether the answer was right
 * @param answeredAt when it was answered
 */
public record CheckAnswered(UUID answerId, UUID organizationId, UUID userId, String lessonId, String checkId,
        String skill, boolean correct, Instant answeredAt) {
}
