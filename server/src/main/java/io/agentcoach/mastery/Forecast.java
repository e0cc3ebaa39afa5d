package io.agentcoach.mastery;

import java.util.List;

/**
 * The expected effort from a learner's current estimates to their goal: the goal skill and every
 * prerequisite on the way not yet mastered, prerequisites first. Each skill needs right answers
 * until its estimate reaches mastery under the tracing model; a right answer is expected to take
 * 1/p activities where p is the learner's predicted success at that point.
 *
 * @param goalSkillId the goal
 * @param skills the skills still to master, in learning order
 * @param expectedActivities the sum over those skills, rounded up
 * @param expectedMinutes the same in minutes, from the skills' activities' typical times
 */
public record Forecast(String goalSkillId, List<SkillForecast> skills, int expectedActivities, int expectedMinutes) {

    public Forecast {
        skills = List.copyOf(skills);
    }

    /**
     * One skill on the way.
     *
     * @param skillId the skill
     * @param mastery the current estimate
     * @param expectedActivities activities expected until it is mastered, rounded up
     * @param expectedMinutes their expected time
     */
    public record SkillForecast(String skillId, double mastery, int expectedActivities, int expectedMinutes) {
    }
}
