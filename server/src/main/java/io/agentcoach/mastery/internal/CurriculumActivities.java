package io.agentcoach.mastery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentcoach.content.CheckQuestion;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.Lesson;
import io.agentcoach.mastery.Curriculum;
import org.springframework.stereotype.Component;

/**
 * The shipped curriculum as the learning path sees it: the content module's skill graph, and its
 * lessons, check questions ({@code <lesson id>/<check id>}) and exercises as activities.
 */
@Component
class CurriculumActivities implements Curriculum {

    private final io.agentcoach.content.Curriculum content;

    CurriculumActivities(io.agentcoach.content.Curriculum content) {
        this.content = content;
    }

    /** The skill graph and activities of one content version, built once per version. */
    private record Snapshot(String version, List<Curriculum.Skill> skills, List<Activity> activities) {
    }

    private volatile Snapshot snapshot;

    private Snapshot snapshot() {
        String version = content.version();
        Snapshot known = snapshot;
        if (known == null || !known.version().equals(version)) {
            known = new Snapshot(version, buildSkills(), buildActivities());
            snapshot = known;
        }
        return known;
    }

    /** The same list instance as long as the curriculum's version stays the same. */
    @Override
    public List<Curriculum.Skill> skills() {
        return snapshot().skills();
    }

    /** The same list instance as long as the curriculum's version stays the same. */
    @Override
    public List<Activity> activities() {
        return snapshot().activities();
    }

    private List<Curriculum.Skill> buildSkills() {
        return content.skills().skills().stream()
                .map((io.agentcoach.content.Skill s) -> new Curriculum.Skill(s.id(), s.name(), s.prerequisites()))
                .toList();
    }

    private List<Activity> buildActivities() {
        List<Activity> activities = new ArrayList<>();
        for (Lesson lesson : content.lessons()) {
            activities.add(new Activity(lesson.id(), lesson.title(), "lesson", lesson.skills(), lesson.minutes()));
            for (CheckQuestion check : lesson.checks()) {
                activities.add(new Activity(lesson.id() + "/" + check.id(), check.prompt(), "check",
                        List.of(check.skill()), 1));
            }
        }
        for (Exercise exercise : content.exercises()) {
            activities.add(new Activity(exercise.id(), exercise.title(), "exercise", exercise.skills(),
                    exercise.minutes()));
        }
        return List.copyOf(activities);
    }

    @Override
    public boolean knowsSkill(String skillId) {
        return content.skills().contains(skillId);
    }

    @Override
    public boolean knowsItem(UUID organizationId, String itemId) {
        int slash = itemId.indexOf('/');
        if (slash < 0) {
            return content.exercise(itemId, organizationId).isPresent() || content.lesson(itemId).isPresent();
        }
        String check = itemId.substring(slash + 1);
        return content.lesson(itemId.substring(0, slash))
                .map(lesson -> lesson.checks().stream().anyMatch(c -> c.id().equals(check))).orElse(false);
    }
}
