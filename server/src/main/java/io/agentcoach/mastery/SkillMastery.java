package io.agentcoach.mastery;

import java.time.Instant;

/**
 * A learner's current estimate for one skill.
 *
 * @param skillId the skill
 * @param mastery probability that the learner has mastered it (succeeds on a typical item of it)
 * @param proficiency the same for display, 0-100
 * @param attempts answers that exercised it
 * @param updatedAt time of the latest answer taken into account
 */
public record SkillMastery(String skillId, double mastery, int proficiency, int attempts, Instant updatedAt) {

    /** Proficiency shown for a mastery probability. */
    public static int proficiencyOf(double mastery) {
        return (int) Math.round(Math.max(0, Math.min(1, mastery)) * 100);
    }
}
