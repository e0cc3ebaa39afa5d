package io.agentcoach.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A learner's solution to grade against test suites in the sandbox.
 *
 * @param solution the learner's code, importable by the tests as {@code solution}
 * @param supportFiles extra read-only files next to it (flat names), e.g. data the exercise provides
 * @param suites the test suites, in order
 * @param testTimeout how long one test may take before it fails
 * @param limits the limits of the whole grading run
 */
public record GradingRequest(String solution, Map<String, String> supportFiles, List<TestSuite> suites,
        Duration testTimeout, Limits limits) {

    public GradingRequest {
        supportFiles = Map.copyOf(supportFiles);
        suites = List.copyOf(suites);
    }
}
