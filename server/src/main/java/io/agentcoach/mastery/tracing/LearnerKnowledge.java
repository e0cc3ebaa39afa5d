package io.agentcoach.mastery.tracing;

/**
 * One learner's knowledge state under a fitted model, updated online one attempt at a time.
 * Not thread-safe: callers serialise updates per learner.
 */
public interface LearnerKnowledge {

    /** Probability that the learner answers {@code item} (exercising {@code skills}) correctly now. */
    double predict(int item, int[] skills);

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
