package io.agentcoach.mastery.tracing;

import java.util.List;

/**
 * A learner's attempts in the order they happened.
 *
 * @param learner the learner's id as the source names it
 * @param attempts the attempts, oldest first
 * @param rows for each attempt, how many rows of the source it stands for (a multi-skill answer
 *     logged once per skill counts once as an attempt but is scored once per row)
 */
public record LearnerSequence(String learner, List<Attempt> attempts, int[] rows) {

    /** A sequence in which every attempt stands for one row. */
    public static LearnerSequence of(String learner, List<Attempt> attempts) {
        int[] rows = new int[attempts.size()];
        java.util.Arrays.fill(rows, 1);
        return new LearnerSequence(learner, attempts, rows);
    }

    public LearnerSequence {
        attempts = List.copyOf(attempts);
        if (rows.length != attempts.size()) {
            throw new IllegalArgumentException("one row count per attempt");
        }
    }
}
