package io.agentcoach.mastery.tracing;

/**
 * One observed answer of a learner, as the tracing models see it: dense integer ids.
 *
 * @param item the item (problem) id, or {@link #NO_ITEM} when the data has no item ids
 * @param skills the skills the item exercises (at least one)
 * @param correct whether the answer was correct (what a prediction is scored against)
 * @param credit how much the answer counts as evidence of knowing, 0 to 1: 1 for a right answer
 *     given unaided, 0 for a wrong one, in between for a right answer reached after hints (or,
 *     in logs, a group of rows of one answer whose outcomes disagree)
 */
public record Attempt(int item, int[] skills, boolean correct, double credit) {

    public static final int NO_ITEM = -1;

    public Attempt {
        if (skills.length == 0) {
            throw new IllegalArgumentException("an attempt exercises at least one skill");
        }
        if (!(credit >= 0 && credit <= 1)) {
            throw new IllegalArgumentException("credit must be between 0 and 1, was " + credit);
        }
    }

    /** An answer with full credit when right and none when wrong. */
    public Attempt(int item, int[] skills, boolean correct) {
        this(item, skills, correct, correct ? 1 : 0);
    }
}
