package io.agentcoach.coaching;

import java.util.List;

/**
 * What the coach knows about the learner's situation when a question arrives, gathered by the
 * caller from practice (latest test results) and mastery (the path).
 *
 * @param exerciseId the exercise the question is about, or empty
 * @param failures the failed tests of the learner's latest run, in the order the run reported them
 * @param nextSteps the next items on the learner's path, most urgent first
 */
public record LearnerContext(String exerciseId, List<TestFailure> failures, List<String> nextSteps) {

    public static final LearnerContext NONE = new LearnerContext("", List.of(), List.of());

    public LearnerContext {
        exerciseId = exerciseId == null ? "" : exerciseId;
        failures = failures == null ? List.of() : List.copyOf(failures);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    }

    /**
     * @param test the failed test's name
     * @param expected what it expected (may be empty)
     * @param actual what it got (may be empty)
     * @param message the failure message (may be empty)
     */
    public record TestFailure(String test, String expected, String actual, String message) {

        public TestFailure {
            expected = expected == null ? "" : expected;
            actual = actual == null ? "" : actual;
            message = message == null ? "" : message;
        }
    }
}
