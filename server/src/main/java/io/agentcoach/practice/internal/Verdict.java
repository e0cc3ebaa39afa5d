package io.agentcoach.practice.internal;

import java.util.List;

import io.agentcoach.sandbox.GradeReport;
import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.TestResult;

/**
 * What a learner sees of a grading run. Hidden tests show their name and whether they passed, never
 * their assertion message.
 *
 * @param status the run's status word (ok, error, timeout, memory, processes, output, ...)
 * @param limit when a limit stopped the run, which, in plain words
 * @param passed whether every test passed
 * @param score passed tests out of all
 * @param tests per-test results
 * @param stdout what the code printed (truncated)
 * @param stderr its errors (truncated)
 * @param outputTruncated whether stdout or stderr was cut off
 * @param wallMs elapsed time of the run
 * @param cpuMs CPU time of the run
 * @param peakMemoryBytes highest memory use of the run
 */
public record Verdict(String status, String limit, boolean passed, double score, List<Test> tests, String stdout,
        String stderr, boolean outputTruncated, long wallMs, long cpuMs, long peakMemoryBytes) {

    public record Test(String suite, String name, boolean passed, String message, double durationMs) {

        /** What the learner sees of one test: a hidden test's failure says only that it failed. */
        static Test of(TestResult t) {
            return new Test(t.suite(), t.name(), t.passed(),
                    t.passed() ? null : "hidden".equals(t.suite()) ? "a hidden test failed" : t.message(),
                    t.duration().toNanos() / 1e6);
        }
    }

    static Verdict of(GradeReport report) {
        RunResult run = report.run();
        String limit = run.outcome() instanceof RunOutcome.Stopped stopped ? stopped.description() : null;
        List<Test> tests = report.tests().stream().map(Test::of).toList();
        String status = report.reported() || limit != null ? run.outcome().status() : "error";
        return new Verdict(status, limit, report.passed(), report.score(), tests, run.stdout().text(),
                run.stderr().text(), run.stdout().truncated() || run.stderr().truncated(), run.wallTime().toMillis(),
                run.cpuTime().toMillis(), run.peakMemoryBytes());
    }
}
