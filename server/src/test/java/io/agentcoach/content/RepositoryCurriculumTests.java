package io.agentcoach.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.agentcoach.content.loading.ContentLoader;
import io.agentcoach.content.loading.ContentSource;
import io.agentcoach.content.loading.CurriculumSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The curriculum AgentCoach ships (content/ at the repository root) validates and is the size
 * and shape the course promises. Exercises are checked in the real sandbox by the sandbox
 * module's curriculum tests.
 */
class RepositoryCurriculumTests {

    static CurriculumSnapshot curriculum;

    @BeforeAll
    static void load() {
        curriculum = new ContentLoader().load(ContentSource.directory(ContentFixtures.repositoryContent()));
    }

    @Test
    void hasTheCourseSize() {
        assertThat(curriculum.tracks()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(curriculum.lessons()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(curriculum.exercises()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(curriculum.skills().skills()).hasSizeBetween(30, 60);
    }

    @Test
    void everySkillIsTaughtByALessonAndMostAreAssessed() {
        Set<String> taught = curriculum.lessons().values().stream().flatMap(l -> l.skills().stream())
                .collect(Collectors.toSet());
        List<String> skills = curriculum.skills().skills().stream().map(Skill::id).toList();
        assertThat(taught).containsAll(skills);
    }

    @Test
    void everyLessonHasSectionsAndChecks() {
        assertThat(curriculum.lessons().values()).allSatisfy(l -> {
            assertThat(l.sections()).as(l.id()).isNotEmpty();
            assertThat(l.checks()).as(l.id()).hasSizeBetween(2, 4);
            assertThat(l.html()).as(l.id()).doesNotContain("<script");
        });
    }

    @Test
    void exercisesNeverLeakHiddenTestsOrSolutionsIntoTheLearnerView() {
        assertThat(curriculum.exercises().values()).allSatisfy(e -> {
            ExerciseBundle bundle = curriculum.bundles().get(e.id());
            assertThat(e.publicTests()).as(e.id()).isNotEqualTo(bundle.hiddenTests());
            assertThat(e.starterCode()).as(e.id()).isNotEqualTo(bundle.referenceSolution());
            assertThat(e.hints()).as(e.id()).isNotEmpty();
        });
    }
}
