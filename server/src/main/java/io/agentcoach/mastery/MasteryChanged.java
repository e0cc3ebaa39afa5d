package io.agentcoach.mastery;

import java.util.List;
import java.util.UUID;

/**
 * Published after an answer changed a learner's mastery estimates.
 *
 * @param organizationId the tenant
 * @param userId the learner
 * @param skillIds the skills whose estimate was written
 * @param attemptId the answer that caused it
 */
public record MasteryChanged(UUID organizationId, UUID userId, List<String> skillIds, String attemptId) {

    public MasteryChanged {
        skillIds = List.copyOf(skillIds);
    }
}
