package io.agentcoach.sandbox;

import java.util.List;

/**
 * What grading found. The verdicts come only from the grader's own channel, never from what the
 * learner's code printed.
 *
 * @param tests per-test verdicts; empty when the run ended before the grader could report
 * @param run the grading run itself: output, time, memory and, when a limit stopped it, which
 * @param reported whether the grader delivered an authentic verdict; false means every test failed
 */
public record GradeReport(List<TestResult> tests, RunResult run, boolean reported) {

    public GradeReport {
        tests = List.copyOf(tests);
    }

    /** Whether there were tests and all of them passed. */
    public boolean passed() {
        return reported && !tests.isEmpty() && tests.stream().allMatch(TestResult::passed);
    }

    /** Passed tests out of all, 0 to 1. */
    public double score() {
        return tests.isEmpty() ? 0 : (double) tests.stream().filter(TestResult::passed).count() / tests.size();
    }
}
