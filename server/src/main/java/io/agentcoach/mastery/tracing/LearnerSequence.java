package io.agentcoach.mastery.tracing;

import java.util.Arrays;
import java.util.List;

/**
 * A learner's attempts in the order they happened.
 *
 * @param learner the learner's id as the source names it
 * @param attempts the attempts, oldest first
 * @param rows for each attempt, how many rows of the source it stands for (a multi-skill answer
 *     logged once per skill counts once as an attempt but is scored once per row)
 * @param correctRows for each attempt, how many of its rows are correct (all or none, unless the
 *     rows of one answer disagree)
 */
public record LearnerSequence(String learner, List<Attempt> attempts, int[] rows, int[] correctRows) {

    /** A sequence in which every attempt stands for one row. */
    public static LearnerSequence of(String learner, List<Attempt> attempts) {
        int[] rows = new int[attempts.size()];
        Arrays.fill(rows, 1);
        return new LearnerSequence(learner, attempts, rows);
    }

    /** A sequence whose rows all agree with their attempt's outcome. */
    public LearnerSequence(String learner, List<Attempt> attempts, int[] rows) {
        this(learner, attempts, rows, agreeing(attempts, rows));
    }

    private static int[] agreeing(List<Attempt> attempts, int[] rows) {
        int[] correct = new int[rows.length];
        for (int a = 0; a < Math.min(rows.length, attempts.size()); a++) {
            correct[a] = attempts.get(a).correct() ? rows[a] : 0;
        }
        return correct;
    }

    public LearnerSequence {
        attempts = List.copyOf(attempts);
        if (rows.length != attempts.size() || correctRows.length != attempts.size()) {
            throw new IllegalArgumentException("one row count per attempt");
        }
        for (int a = 0; a < rows.length; a++) {
            if (rows[a] < 1 || correctRows[a] < 0 || correctRows[a] > rows[a]) {
                throw new IllegalArgumentException("attempt " + a + " has " + rows[a] + " rows, " + correctRows[a]
                        + " of them correct");
            }
        }
    }
}
