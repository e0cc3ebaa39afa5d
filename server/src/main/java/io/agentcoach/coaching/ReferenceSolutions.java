package io.agentcoach.coaching;

import java.util.Optional;

/**
 * The reference solution of an exercise, so the coach can withhold answers that copy it while
 * the exercise is unsolved. Practice provides the implementation; without one nothing is withheld.
 */
public interface ReferenceSolutions {

    /** The reference solution of {@code exerciseId} while {@code userId} has not solved it; empty otherwise. */
    Optional<String> unsolvedReference(java.util.UUID userId, String exerciseId);
}
