package io.agentcoach.sandbox;

/**
 * Grades a solution against test suites in the sandbox with the trusted Python grader. Throws the
 * same problems as {@link CodeRunner#run(RunRequest)}.
 */
public interface TestGrader {

    GradeReport grade(GradingRequest request);
}
