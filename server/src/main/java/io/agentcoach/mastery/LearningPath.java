package io.agentcoach.mastery;

import java.util.List;

/**
 * The next best activities for a learner, best first.
 *
 * @param goalSkillId the skill the path leads toward, or null for the whole curriculum
 * @param steps the recommendations
 */
public record LearningPath(String goalSkillId, List<Step> steps) {

    public LearningPath {
        steps = List.copyOf(steps);
    }

    /** Why an activity is recommended. */
    public enum Purpose { REVIEW, PRACTICE, NEW_SKILL }

    /**
     * One recommendation.
     *
     * @param activityId the activity
     * @param title its title
     * @param skillIds the skills it exercises
     * @param purpose review of a fading skill, practice of one being learned, or a skill just unlocked
     * @param predictedSuccess probability that the learner passes it now
     * @param reason the reason in plain words
     */
    public record Step(String activityId, String title, List<String> skillIds, Purpose purpose,
            double predictedSuccess, String reason) {
        public Step {
            skillIds = List.copyOf(skillIds);
        }
    }
}
