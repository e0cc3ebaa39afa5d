package io.agentcoach.mastery;

import java.util.Optional;
import java.util.UUID;

/** Learners' next best activities, from the curriculum and their current mastery. */
public interface LearningPaths {

    /**
     * Up to {@code limit} recommended activities, toward {@code goalSkillId} if given, else toward
     * the learner's stated goal, else across the whole curriculum. Throws a 422 problem for a goal
     * the curriculum does not know.
     */
    LearningPath pathFor(UUID organizationId, UUID userId, String goalSkillId, int limit);

    /** Sets the learner's goal; throws a 422 problem for a skill the curriculum does not know. */
    void setGoal(UUID organizationId, UUID userId, String skillId);

    Optional<String> goalOf(UUID organizationId, UUID userId);

    /**
     * The expected activities and time until the learner masters {@code goalSkillId}, or their
     * stated goal when null. Throws a 422 problem for a goal the curriculum does not know, a 404
     * problem when no goal is given or stated.
     */
    Forecast forecast(UUID organizationId, UUID userId, String goalSkillId);
}
