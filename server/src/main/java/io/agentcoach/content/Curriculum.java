package io.agentcoach.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The curriculum being served: the validated snapshot of content/ (public), plus
 * organization-private lessons and exercises. Lookups are cheap (in memory).
 */
public interface Curriculum {

    /** Identifies the loaded content: a hash over every file, so equal content has equal versions. */
    String version();

    List<Track> tracks();

    Optional<Track> track(String id);

    List<Lesson> lessons();

    Optional<Lesson> lesson(String id);

    List<Exercise> exercises();

    Optional<Exercise> exercise(String id);

    /** Hidden tests and solutions, for grading only. */
    Optional<ExerciseBundle> gradingBundle(String exerciseId);

    /**
     * A public exercise, or one private to {@code organizationId}; never another organization's.
     * A null organization sees public exercises only.
     */
    Optional<Exercise> exercise(String id, UUID organizationId);

    /** As {@link #gradingBundle(String)}, also for exercises private to {@code organizationId}. */
    Optional<ExerciseBundle> gradingBundle(String exerciseId, UUID organizationId);

    /**
     * A public lesson, or one private to {@code organizationId}; never another organization's.
     * A null organization sees public lessons only.
     */
    Optional<Lesson> lesson(String id, UUID organizationId);

    /**
     * Every organization's private lessons, each carrying its organization. For indexers that keep
     * the tenant with what they store and filter by it; never for serving a request.
     */
    List<Lesson> organizationLessons();

    /** As {@link #organizationLessons()}, for exercises. */
    List<Exercise> organizationExercises();

    SkillGraph skills();
}
