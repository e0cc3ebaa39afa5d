package io.agentcoach.coaching.crew;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.coaching.tools.CoachTools;
import io.agentcoach.content.Curriculum;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.Skill;
import io.agentcoach.mastery.Forecast;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.practice.Attempts.GradedResult;
import io.agentcoach.practice.Attempts.SubmittedWork;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What the crews work from, read through other modules' public APIs: the learner's skill estimates,
 * goal, path and forecast (mastery), the skill graph, activities and exercises (content) and
 * curriculum passages (knowledge).
 */
@Component
class CrewInputs {

    static final int PATH_STEPS = 10;
    /** Mastery's threshold for a skill counted as mastered. */
    static final int MASTERED_PROFICIENCY = 85;

    /** One activity of the learner's path, with its typical time. */
    record Step(String activityId, String title, List<String> skillIds, String reason, int minutes) {
    }

    /**
     * @param goalSkillId the goal skill, or null for the whole curriculum
     * @param goalDescription the goal in words
     * @param steps the path toward it, best first
     * @param proficiency the learner's proficiency (0-100) by skill id, for skills practised
     * @param prerequisites each skill's direct prerequisites
     * @param skillNames each skill's name
     * @param forecast the expected effort to the goal, or null
     * @param text all of it as the coach agent reads it
     * @param graph the skill graph as the agents read it
     */
    record Learner(String goalSkillId, String goalDescription, List<Step> steps, Map<String, Integer> proficiency,
            Map<String, List<String>> prerequisites, Map<String, String> skillNames, Forecast forecast, String text,
            String graph) {

        boolean mastered(String skillId) {
            return proficiency.getOrDefault(skillId, 0) >= MASTERED_PROFICIENCY;
        }
    }

    private final Curriculum curriculum;
    private final Masteries masteries;
    private final LearningPaths paths;
    private final GroundingSource grounding;

    CrewInputs(Curriculum curriculum, Masteries masteries, LearningPaths paths, GroundingSource grounding) {
        this.curriculum = curriculum;
        this.masteries = masteries;
        this.paths = paths;
        this.grounding = grounding;
    }

    /** The learner's standing toward {@code goalSkillId} (null: their stated goal, else the whole curriculum). */
    Learner learner(UUID organizationId, UUID userId, String goalSkillId) {
        String goal = goalSkillId != null && !goalSkillId.isBlank() ? goalSkillId.strip()
                : paths.goalOf(organizationId, userId).orElse(null);
        LearningPath path = paths.pathFor(organizationId, userId, goal, PATH_STEPS);
        Forecast forecast = null;
        if (goal != null) {
            try {
                forecast = paths.forecast(organizationId, userId, goal);
            } catch (ErrorResponseException noForecast) {
                // a goal without a forecast still gets a plan from the path
            }
        }
        Map<String, Integer> proficiency = new LinkedHashMap<>();
        masteries.of(organizationId, userId).forEach(m -> proficiency.put(m.skillId(), m.proficiency()));
        Map<String, List<String>> prerequisites = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Skill skill : curriculum.skills().skills()) {
            prerequisites.put(skill.id(), skill.prerequisites());
            names.put(skill.id(), skill.name());
        }
        List<Step> steps = path.steps().stream().map(s -> new Step(s.activityId(), s.title(), s.skillIds(), s.reason(),
                minutes(s.activityId()))).toList();
        String description = goal == null ? "Progress through the curriculum"
                : "Master " + names.getOrDefault(goal, goal) + " (" + goal + ")";
        StringBuilder text = new StringBuilder("Goal skill: ").append(goal == null ? "none set" : goal).append('\n');
        text.append("Skill estimates (proficiency 0-100, ").append(MASTERED_PROFICIENCY).append("+ is mastered):\n");
        if (proficiency.isEmpty()) {
            text.append("- none yet: the learner has not answered anything\n");
        }
        proficiency.forEach((skill, p) -> text.append("- ").append(skill).append(": ").append(p).append('\n'));
        text.append("Recommended path, best first:\n");
        for (Step step : steps) {
            text.append("- [").append(step.activityId()).append("] ").append(step.title()).append(" — skills ")
                    .append(String.join(", ", step.skillIds())).append(", about ").append(step.minutes())
                    .append(" min — ").append(step.reason()).append('\n');
        }
        if (forecast != null) {
            text.append("Forecast to the goal: about ").append(forecast.expectedActivities()).append(" activities, ")
                    .append(forecast.expectedMinutes()).append(" minutes\n");
            forecast.skills().forEach(f -> text.append("- ").append(f.skillId()).append(": ")
                    .append(f.expectedActivities()).append(" activities\n"));
        }
        StringBuilder graph = new StringBuilder();
        prerequisites.forEach((skill, before) -> graph.append(skill).append(": ")
                .append(before.isEmpty() ? "(none)" : String.join(", ", before)).append('\n'));
        return new Learner(goal, description, steps, proficiency, prerequisites, names, forecast, text.toString(),
                graph.toString());
    }

    Optional<Exercise> exercise(UUID organizationId, String exerciseId) {
        return curriculum.exercise(exerciseId, organizationId);
    }

    /** Curriculum passages about the exercise's subject, for the offline review. */
    List<CurriculumPassage> passages(UUID organizationId, Exercise exercise) {
        return grounding.search(organizationId, exercise.title() + " " + String.join(" ", exercise.skills()), 2);
    }

    static String exerciseText(Exercise e) {
        return "# " + e.title() + " (" + e.id() + ")\n\n" + e.statementMarkdown() + "\n\n## Public tests\n"
                + e.publicTests();
    }

    static String submissionText(SubmittedWork submission) {
        StringBuilder text = new StringBuilder("Submitted code:\n").append(submission.code()).append("\n\n");
        GradedResult result = submission.result();
        if (result == null) {
            text.append("Not graded yet (").append(submission.status()).append(").\n");
        } else {
            text.append("Test results: ").append(CoachTools.results(result));
        }
        return text.toString();
    }

    private int minutes(String activityId) {
        if (activityId.contains("/")) {
            return 1;
        }
        return curriculum.lesson(activityId).map(Lesson::minutes)
                .or(() -> curriculum.exercise(activityId).map(Exercise::minutes)).orElse(15);
    }
}
