package io.agentcoach.coaching;

import java.util.List;
import java.util.UUID;

/**
 * A learner's question to the coach.
 *
 * @param userId who asks
 * @param organizationId the organization the question is asked (and billed) in
 * @param sessionId the coaching session, or null outside a session
 * @param message the question
 * @param context the learner's situation
 * @param history the session's earlier turns, oldest first
 */
public record CoachQuestion(UUID userId, UUID organizationId, UUID sessionId, String message, LearnerContext context,
        List<Turn> history) {

    public CoachQuestion {
        context = context == null ? LearnerContext.NONE : context;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A question outside a conversation's history. */
    public CoachQuestion(UUID userId, UUID organizationId, UUID sessionId, String message, LearnerContext context) {
        this(userId, organizationId, sessionId, message, context, List.of());
    }

    /**
     * One earlier turn: the learner's message or the coach's answer.
     *
     * @param position the message's position in its session (from 1), or 0 outside a stored session
     */
    public record Turn(int position, boolean fromLearner, String text) {

        /** A turn outside a stored session. */
        public Turn(boolean fromLearner, String text) {
            this(0, fromLearner, text);
        }
    }
}
