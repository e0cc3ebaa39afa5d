package io.agentcoach.practice;

import java.util.Optional;

/**
 * Where practice looks exercises up. The content module provides the curriculum's; until then
 * practice reads exercise directories itself (see {@code agentcoach.practice.exercises-dir}).
 */
public interface ExerciseCatalog {

    Optional<Exercise> find(String exerciseId);
}
