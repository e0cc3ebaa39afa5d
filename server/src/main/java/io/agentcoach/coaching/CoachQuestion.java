package io.agentcoach.coaching;

import java.util.UUID;

/**
 * A learner's question to the coach.
 *
 * @param userId who asks
 * @param organizationId the organization the question is asked (and billed) in
 * @param sessionId the coaching session, or null outside a session
 * @param message the question
 * @param context the learner's situation
 */
public record CoachQuestion(UUID userId, UUID organizationId, UUID sessionId, String message, LearnerContext context) {

    public CoachQuestion {
        context = context == null ? LearnerContext.NONE : context;
    }
}
