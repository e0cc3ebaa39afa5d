package io.agentcoach.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signed-in learner was shown one of an exercise's hints (published each time a hint is
 * fetched; showing the same hint again publishes the same facts again).
 *
 * @param organizationId the learner's organization
 * @param userId the learner
 * @param exerciseId the exercise
 * @param skills the exercise's skills
 * @param number which hint, from 1
 * @param of how many hints the exercise has
 * @param revealedAt when it was shown
 */
public record HintRevealed(UUID organizationId, UUID userId, String exerciseId, List<String> skills, int number, int of,
        Instant revealedAt) {

    public HintRevealed {
        skills = List.copyOf(skills);
    }
}
