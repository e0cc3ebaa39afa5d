package io.agentcoach.practice.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.content.Curriculum;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.Track;
import io.agentcoach.content.ExerciseBundle;
import org.springframework.stereotype.Component;

/**
 * Exercises as practice needs them, from the content module's curriculum: public ones and those
 * private to the caller's organization, never another organization's.
 */
@Component
class CurriculumExercises {

    /**
     * An exercise ready to be attempted and graded.
     *
     * @param runtime the sandbox runtime, e.g. {@code python3}
     * @param starterCode what a new attempt's draft starts with
     * @param publicTests tests shown to the learner
     * @param hiddenTests tests only used when grading a submission
     * @param skills the skills a graded submission is evidence for
     */
    record PracticeExercise(String id, String runtime, String starterCode, String publicTests, String hiddenTests,
            Set<String> skills) {
    }

    private final Curriculum curriculum;

    CurriculumExercises(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    Optional<PracticeExercise> find(String exerciseId, UUID organizationId) {
        return curriculum.gradingBundle(exerciseId, organizationId).map(CurriculumExercises::of);
    }

    /**
     * The shipped curriculum's tracks in order, each with its exercises and its lessons' exercises.
     * Lessons do not list exercises; a lesson's exercises are those of its track that practise at
     * least one of the lesson's skills.
     */
    List<TrackExercises> trackExercises() {
        return curriculum.tracks().stream().sorted(Comparator.comparingInt(Track::order)).map(track -> {
            List<Exercise> exercises = track.exerciseIds().stream().map(curriculum::exercise)
                    .flatMap(Optional::stream).toList();
            List<LessonExercises> lessons = track.lessonIds().stream().map(curriculum::lesson).flatMap(Optional::stream)
                    .map(lesson -> new LessonExercises(lesson.id(), exercises.stream()
                            .filter(e -> e.skills().stream().anyMatch(lesson.skills()::contains)).map(Exercise::id)
                            .toList()))
                    .toList();
            return new TrackExercises(track.id(), exercises.stream().map(Exercise::id).toList(), lessons);
        }).toList();
    }

    record TrackExercises(String trackId, List<String> exerciseIds, List<LessonExercises> lessons) {
    }

    record LessonExercises(String lessonId, List<String> exerciseIds) {
    }

    private static PracticeExercise of(ExerciseBundle bundle) {
        var e = bundle.exercise();
        return new PracticeExercise(e.id(), runtime(e.language()), e.starterCode(), e.publicTests(),
                bundle.hiddenTests(), Set.copyOf(e.skills()));
    }

    /** The sandbox runtime for a content language ({@code python} runs on {@code python3}). */
    private static String runtime(String language) {
        return "python".equals(language) ? "python3" : language;
    }
}
