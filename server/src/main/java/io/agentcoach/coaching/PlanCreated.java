package io.agentcoach.coaching;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The coach and mentor agents wrote a learning plan for a learner (or, without a model, the offline
 * crew did).
 *
 * @param userId whose plan
 * @param organizationId the organization billed
 * @param planId the stored plan
 * @param models the models that answered, in order ({@code offline} alone when none did)
 * @param inputTokens tokens sent to the models, both agents together
 * @param outputTokens tokens received
 * @param costUsd the cost by the price table
 */
public record PlanCreated(UUID userId, UUID organizationId, UUID planId, List<String> models, int inputTokens,
        int outputTokens, BigDecimal costUsd) {

    public PlanCreated {
        models = List.copyOf(models);
    }
}
