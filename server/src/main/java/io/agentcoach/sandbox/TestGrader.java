package io.agentcoach.sandbox;

import java.util.function.Consumer;

/**
 * Grades a solution against test suites in the sandbox with the trusted Python grader. Throws the
 * same problems as {@link CodeRunner#run(RunRequest)}.
 */
public interface TestGrader {

    GradeReport grade(GradingRequest request);

    /**
     * As {@link #grade(GradingRequest)}, and hands each test's verdict to {@code onTest} as soon as
     * the grader reports it (through the same nonce-checked channel as the final report). The final
     * report alone decides: a grading run that dies after some tests reported is still unreported.
     */
    default GradeReport grade(GradingRequest request, Consumer<TestResult> onTest) {
        GradeReport report = grade(request);
        report.tests().forEach(onTest);
        return report;
    }
}
