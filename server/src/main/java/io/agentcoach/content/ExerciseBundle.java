package io.agentcoach.content;

import java.util.Map;

/**
 * Everything needed to grade an exercise, for the practice module only; never serialised to a
 * learner. {@code wrongSolutions} maps a file name to a plausible wrong solution the hidden
 * tests must reject.
 */
public record ExerciseBundle(Exercise exercise, String hiddenTests, String referenceSolution,
        Map<String, String> wrongSolutions) {

    public ExerciseBundle {
        wrongSolutions = Map.copyOf(wrongSolutions);
    }
}
