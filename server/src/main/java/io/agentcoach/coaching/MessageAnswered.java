package io.agentcoach.coaching;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The coach answered a learner's message.
 *
 * @param userId who asked
 * @param organizationId the organization billed
 * @param sessionId the coaching session, or null outside one
 * @param model the model that answered ({@code provider:model} or {@code offline})
 * @param inputTokens tokens sent to the model
 * @param outputTokens tokens received
 * @param costUsd the cost by the price table
 * @param latencyMillis from question to last token
 * @param grounded whether the answer cites the curriculum
 */
public record MessageAnswered(UUID userId, UUID organizationId, UUID sessionId, String model, int inputTokens,
        int outputTokens, BigDecimal costUsd, long latencyMillis, boolean grounded) {
}
