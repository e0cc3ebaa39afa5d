package io.agentcoach.mastery.tracing;

/**
 * One learner's knowledge state under a fitted model, updated online one attempt at a time.
 * Not thread-safe: callers serialise updates per learner.
 */
public interface LearnerKnowledge {

    /** Probability that the learner answers {@code item} (exercising {@code skills}) correctly now. */
    double predict(int item, int[] skills);

    /**
     * Predictions for many items at once, as {@link #predict} for each: {@code skills[i]} are the
     * skills of {@code items[i]}. Models may share work between items of the same skills (callers
     * should then pass the same array instance for equal skill lists).
     */
    default double[] predictAll(int[] items, int[][] skills) {
        double[] predictions = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            predictions[i] = predict(items[i], skills[i]);
        }
        return predictions;
    }

    /** Takes one more attempt into account; predictions afterwards see it as past. */
    void observe(Attempt attempt);

    /**
     * Probability that the learner has mastered {@code skill}; by default the predicted success on
     * a typical item of it (one whose difficulty is unknown).
     */
    default double mastery(int skill) {
        return predict(Attempt.NO_ITEM, new int[] {skill});
    }

    /** Number of attempts observed so far. */
    int attempts();
}
