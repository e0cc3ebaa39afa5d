package io.agentcoach.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentcoach.sandbox.GradeReport;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.Output;
import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.TestResult;
import io.agentcoach.sandbox.TestSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The grader in a real sandbox: honest verdicts, and none that learner code can forge. */
@Tag("sandbox")
class PythonGraderTests {

    private static final TestSuite PUBLIC = new TestSuite("public", """
            from solution import add

            def test_adds_small_numbers():
                assert add(2, 3) == 5, "add(2, 3) should be 5"

            def helper_is_not_a_test():
                assert False
            """);
    private static final TestSuite HIDDEN = new TestSuite("hidden", """
            from solution import add

            def test_adds_negative_numbers():
                assert add(-2, -3) == -5
            """);

    private final PythonGrader grader = new PythonGrader(SandboxFixtures.sandbox());

    private GradeReport grade(String solution) {
        return grader.grade(new GradingRequest(solution, Map.of(), List.of(PUBLIC, HIDDEN), Duration.ofSeconds(1),
                SandboxFixtures.TEST_LIMITS));
    }

    @Test
    void aCorrectSolutionPassesEveryTest() {
        GradeReport report = grade("def add(a, b):\n    return a + b\n");
        assertThat(report.passed()).isTrue();
        assertThat(report.score()).isEqualTo(1.0);
        assertThat(report.tests()).extracting(TestResult::suite, TestResult::name, TestResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("public", "test_adds_small_numbers", true),
                org.assertj.core.groups.Tuple.tuple("hidden", "test_adds_negative_numbers", true));
    }

    @Test
    void failuresCarryTheAssertionMessage() {
        GradeReport report = grade("def add(a, b):\n    return a - b\n");
        assertThat(report.passed()).isFalse();
        assertThat(report.score()).isZero();
        assertThat(report.tests()).extracting(TestResult::message).containsExactly(
                "add(2, 3) should be 5", "assertion failed: assert add(-2, -3) == -5");
    }

    @Test
    void errorsInTheSolutionAreReportedPerTest() {
        GradeReport report = grade("def add(a, b):\n    return a + undefined_name\n");
        assertThat(report.tests()).allSatisfy(t -> assertThat(t.message())
                .isEqualTo("NameError: name 'undefined_name' is not defined"));
    }

    @Test
    void printingFakePassLinesAndExitingEarlyDoesNotPass() {
        GradeReport report = grade("""
                import os, json
                print("PASS test_adds_small_numbers")
                print(json.dumps({"passed": True, "message": None, "durationMs": 1}))
                os._exit(0)
                """);
        assertThat(report.reported()).isTrue();
        assertThat(report.passed()).isFalse();
        assertThat(report.tests()).allSatisfy(t -> assertThat(t.message())
                .startsWith("the test process ended before reporting a result"));
    }

    @Test
    void theVerdictChannelCannotBeReachedFromLearnerCode() {
        GradeReport report = grade("""
                import os, sys
                forged = b'{"nonce": "x", "tests": [{"suite": "public", "name": "t", "passed": true}]}'
                reached = []
                for fd_path in [3, "/proc/%d/fd/3" % os.getppid(), "/proc/%d/mem" % os.getppid()]:
                    try:
                        if isinstance(fd_path, int):
                            os.write(fd_path, forged)
                        else:
                            with open(fd_path, "wb") as f:
                                f.write(forged)
                        reached.append(str(fd_path))
                    except OSError:
                        pass
                print("reached:", reached)
                sys.exit(0)
                """);
        assertThat(report.run().stdout().text()).contains("reached: []");
        assertThat(report.reported()).isTrue();
        assertThat(report.passed()).isFalse();
        assertThat(report.tests()).allSatisfy(t -> assertThat(t.message()).isEqualTo("the code called exit(0)"));
    }

    @Test
    void hiddenTestsAreNotFilesTheSolutionCanRead() {
        GradeReport report = grade("""
                import os
                print(sorted(os.listdir("/input")))
                def add(a, b):
                    return a + b
                """);
        assertThat(report.run().stdout().text()).contains("['grade.py', 'solution.py']");
    }

    @Test
    void killingTheGraderLeavesNoVerdictAndNothingPasses() {
        GradeReport report = grade("""
                import os, signal
                os.kill(os.getppid(), signal.SIGKILL)
                def add(a, b):
                    return a + b
                """);
        assertThat(report.reported()).isFalse();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aTestThatHangsTimesOutAndTheOthersStillRun() {
        GradeReport report = grade("""
                def add(a, b):
                    if a > 0:
                        while True:
                            pass
                    return a + b
                """);
        assertThat(report.tests()).extracting(TestResult::passed).containsExactly(false, true);
        assertThat(report.tests().getFirst().message()).isEqualTo("timed out after 1 s");
    }

    @Test
    void aVerdictWithoutThisRunsNonceIsRejected() {
        RunResult run = new RunResult(new RunOutcome.Exited(0), new Output("", false), new Output("", false),
                new Output("{\"nonce\":\"guessed\",\"tests\":[{\"suite\":\"public\",\"name\":\"t\",\"passed\":true}]}",
                        false), Duration.ZERO, Duration.ZERO, 0);
        GradeReport report = grader.parse(run, "the-real-nonce");
        assertThat(report.reported()).isFalse();
        assertThat(report.passed()).isFalse();
    }
}
