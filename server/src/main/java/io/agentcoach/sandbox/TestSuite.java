package io.agentcoach.sandbox;

/**
 * A Python test module: top-level {@code def test_*():} functions that use {@code assert}.
 *
 * @param name e.g. {@code public} or {@code hidden}; reported with each result
 * @param source the module's text; it may {@code import solution}
 */
public record TestSuite(String name, String source) {
}
