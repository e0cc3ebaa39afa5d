package io.agentcoach.mastery.tracing;

/**
 * One observed answer of a learner, as the tracing models see it: dense integer ids.
 *
 * @param item the item (problem) id, or {@link #NO_ITEM} when the data has no item ids
 * @param skills the skills the item exercises (at least one)
 * @param correct whether the answer was correct
 */
public record Attempt(int item, int[] skills, boolean correct) {

    public static final int NO_ITEM = -1;

    public Attempt {
        if (skills.length == 0) {
            throw new IllegalArgumentException("an attempt exercises at least one skill");
        }
    }
}
