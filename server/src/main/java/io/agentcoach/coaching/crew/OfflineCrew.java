package io.agentcoach.coaching.crew;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.offline.OfflineCoach;
import io.agentcoach.content.Exercise;
import io.agentcoach.practice.Attempts.GradedResult;
import io.agentcoach.practice.Attempts.SubmittedWork;
import io.agentcoach.practice.Attempts.TestOutcome;

/**
 * The crews without a model, deterministic: the same learner data always gives the same document.
 * The offline coach lays the learning path out in weeks; the offline mentor checks each activity's
 * prerequisites against the skill graph and the weekly load, and says what it found. A review lists
 * the test results, where to look and the exercise's hints, never solution code.
 */
final class OfflineCrew {

    /** A week holds activities up to about five hours. */
    static final int WEEK_MINUTES = 300;

    /** The coach's draft and the mentor's checked version. */
    record Written(String draft, String content) {
    }

    Written plan(String goal, CrewInputs.Learner learner, String offlineBecause) {
        StringBuilder draft = new StringBuilder(label("plan", offlineBecause));
        draft.append("## Your goal\n").append(goal).append("\n\n");
        draft.append("## Where you stand\n");
        List<String> mastered = learner.proficiency().keySet().stream().filter(learner::mastered).toList();
        List<String> learning = learner.proficiency().keySet().stream().filter(s -> !learner.mastered(s)).toList();
        draft.append("- Mastered: ").append(mastered.isEmpty() ? "none yet" : names(mastered, learner)).append('\n');
        draft.append("- Being learned: ").append(learning.isEmpty() ? "none yet" : String.join(", ", learning.stream()
                .map(s -> name(s, learner) + " (" + learner.proficiency().get(s) + "/100)").toList())).append("\n\n");
        draft.append("## Plan\n");
        if (learner.steps().isEmpty()) {
            draft.append("Nothing left to recommend: every activity toward this goal is done.\n");
        }
        int week = 0;
        int weekMinutes = WEEK_MINUTES;
        int number = 0;
        for (CrewInputs.Step step : learner.steps()) {
            if (weekMinutes + step.minutes() > WEEK_MINUTES && weekMinutes > 0) {
                week++;
                weekMinutes = 0;
                draft.append("\n### Week ").append(week).append('\n');
            }
            weekMinutes += step.minutes();
            draft.append(++number).append(". ").append(step.title()).append(" [").append(step.activityId())
                    .append("], about ").append(step.minutes()).append(" min: builds ")
                    .append(names(step.skillIds(), learner)).append(". ").append(step.reason()).append('\n');
        }
        if (learner.forecast() != null) {
            Set<String> planned = new HashSet<>();
            learner.steps().forEach(step -> planned.addAll(step.skillIds()));
            List<String> later = learner.forecast().skills().stream().filter(f -> !planned.contains(f.skillId()))
                    .map(f -> "- " + name(f.skillId(), learner) + ": about " + f.expectedActivities() + " activities ("
                            + f.expectedMinutes() + " min), once its prerequisites are mastered")
                    .toList();
            if (!later.isEmpty()) {
                draft.append("\n### Then, toward the goal\n").append(String.join("\n", later)).append('\n');
            }
            draft.append("\nExpected effort to the goal: about ").append(learner.forecast().expectedActivities())
                    .append(" activities, ").append(learner.forecast().expectedMinutes()).append(" minutes.\n");
        }
        String coachDraft = draft.toString();
        return new Written(coachDraft, coachDraft + "\n" + mentorCheck(learner));
    }

    /** The offline mentor: prerequisites in order, no skill already mastered, feasible weeks. */
    private static String mentorCheck(CrewInputs.Learner learner) {
        List<String> findings = new ArrayList<>();
        Set<String> before = new HashSet<>();
        for (CrewInputs.Step step : learner.steps()) {
            for (String skill : step.skillIds()) {
                for (String prerequisite : learner.prerequisites().getOrDefault(skill, List.of())) {
                    if (!learner.mastered(prerequisite) && !before.contains(prerequisite)
                            && !step.skillIds().contains(prerequisite)) {
                        findings.add(step.title() + " [" + step.activityId() + "] needs " + name(prerequisite, learner)
                                + " first, which is neither mastered nor planned earlier: study it before this step.");
                    }
                }
            }
            before.addAll(step.skillIds());
        }
        learner.steps().stream().filter(s -> s.minutes() > WEEK_MINUTES).forEach(s -> findings.add(s.title()
                + " takes about " + s.minutes() + " min, more than a week's " + WEEK_MINUTES + ": split it over two weeks."));
        StringBuilder text = new StringBuilder("## Mentor's corrections\n");
        if (findings.isEmpty()) {
            text.append("None needed: every activity comes after its prerequisites (checked against the skill graph), ")
                    .append("no mastered skill is planned again, and no week holds more than about five hours.\n");
        } else {
            findings.forEach(f -> text.append("- ").append(f).append('\n'));
        }
        return text.toString();
    }

    Written review(Exercise exercise, SubmittedWork submission, boolean solved, List<CurriculumPassage> passages,
            String offlineBecause) {
        StringBuilder text = new StringBuilder(label("review", offlineBecause));
        text.append("## ").append(exercise.title()).append(" (").append(exercise.id()).append(")\n\n");
        GradedResult result = submission.result();
        List<TestOutcome> failed = result == null ? List.of() : result.tests().stream().filter(t -> !t.passed()).toList();
        if (result == null) {
            text.append("This submission is not graded yet (").append(submission.status())
                    .append("); ask again once it is, to see which tests pass.\n\n");
        } else {
            long passed = result.tests().stream().filter(TestOutcome::passed).count();
            text.append("### Test results\n").append(passed).append(" of ").append(result.tests().size())
                    .append(" tests passed").append(result.passed() ? ": well done." : ".").append('\n');
            failed.forEach(t -> text.append("- `").append(t.name()).append("` (").append(t.suite()).append(") failed")
                    .append(t.message() == null ? "" : ": " + oneLine(t.message())).append('\n'));
            text.append('\n');
        }
        if (!failed.isEmpty()) {
            text.append("### Where to look\n")
                    .append("Start with `").append(failed.getFirst().name()).append("`: what does it set up, and which ")
                    .append("line of your code produces the value it checks? Run the public tests after each change.\n");
            exercise.hints().stream().limit(2).forEach(h -> text.append("- Hint: ").append(oneLine(h)).append('\n'));
            text.append('\n');
        }
        if (!passages.isEmpty()) {
            text.append("### From the curriculum\n");
            for (int i = 0; i < passages.size(); i++) {
                text.append("[").append(i + 1).append("] ").append(passages.get(i).citation()).append('\n');
            }
            text.append('\n');
        }
        String draft = text.toString();
        String mentor = "## Mentor's corrections\n" + (solved
                ? "None needed: you solved this exercise; compare your code with the lesson's examples.\n"
                : "None needed: the review gives hints and points to the failing tests, and shows no solution code "
                        + "while the exercise is unsolved.\n");
        return new Written(draft, draft + mentor);
    }

    private static String label(String what, String offlineBecause) {
        return OfflineCoach.LABEL + " (no AI model was used for this " + what + ": " + offlineBecause
                + "; it comes from your learning data)\n\n";
    }

    private static String names(List<String> skills, CrewInputs.Learner learner) {
        return String.join(", ", skills.stream().map(s -> name(s, learner)).toList());
    }

    private static String name(String skill, CrewInputs.Learner learner) {
        return learner.skillNames().getOrDefault(skill, skill);
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
