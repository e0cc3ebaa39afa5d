package io.agentcoach.sandbox;

import java.time.Duration;

/**
 * The verdict on one test.
 *
 * @param suite the suite it belongs to
 * @param name the test function
 * @param passed whether it passed
 * @param message the assertion message or error when it failed (null when it passed)
 * @param duration how long it ran
 */
public record TestResult(String suite, String name, boolean passed, String message, Duration duration) {
}
