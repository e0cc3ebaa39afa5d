package io.agentcoach.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.loading.ContentLoader;
import io.agentcoach.content.loading.ContentSource;
import io.agentcoach.content.loading.CurriculumSnapshot;
import io.agentcoach.sandbox.GradeReport;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.TestResult;
import io.agentcoach.sandbox.TestSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The machine check of the shipped curriculum (content/ at the repository root), graded in the real
 * bubblewrap sandbox exactly as practice grades a submission: for every exercise, the reference
 * solution passes every public and hidden test, the starter fails at least one hidden test, and
 * every wrong/*.py fails at least one hidden test. Exercises are graded two at a time; each is
 * reported as its own test, naming the candidate and the failing test with its message.
 */
@Tag("sandbox")
class ShippedCurriculumGradingTests {

    private static final int PARALLELISM = 2;
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(PARALLELISM);

    private final PythonGrader grader = new PythonGrader(SandboxFixtures.sandbox());

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> everyShippedExerciseIsGradedAsItsAuthorIntended() {
        CurriculumSnapshot shipped = new ContentLoader().load(
                ContentSource.directory(Path.of(System.getProperty("agentcoach.repo-root"), "content")));
        assertThat(shipped.bundles()).as("exercises in content/").isNotEmpty();
        Map<String, Future<List<String>>> checks = new LinkedHashMap<>();
        shipped.exercises().keySet().forEach(id -> checks.put(id, POOL.submit(() -> check(shipped.bundles().get(id)))));
        return checks.entrySet().stream().map(check -> DynamicTest.dynamicTest(check.getKey(), () -> {
            List<String> problems = outcome(check.getValue());
            assertThat(problems).as("exercise %s", check.getKey()).isEmpty();
        }));
    }

    private static List<String> outcome(Future<List<String>> check) throws InterruptedException {
        try {
            return check.get();
        } catch (ExecutionException e) {
            return List.of("grading failed: " + e.getCause());
        }
    }

    /** Every way the exercise's candidates disagree with its tests, one line each. */
    private List<String> check(ExerciseBundle bundle) {
        List<String> problems = new ArrayList<>();
        GradeReport reference = grade(bundle, bundle.referenceSolution());
        if (!reference.passed()) {
            problems.add("reference.py fails: " + failures(reference, reference.tests()));
        }
        List<TestResult> hiddenOfReference = hidden(reference);
        if (hiddenOfReference.isEmpty()) {
            problems.add("tests_hidden.py has no test the grader ran");
        }
        Map<String, String> mustFail = new LinkedHashMap<>();
        mustFail.put("starter.py", bundle.exercise().starterCode());
        bundle.wrongSolutions().forEach((name, code) -> mustFail.put("wrong/" + name, code));
        mustFail.forEach((candidate, code) -> {
            GradeReport report = grade(bundle, code);
            if (report.reported() && hidden(report).stream().allMatch(TestResult::passed)) {
                problems.add(candidate + " passes every hidden test (" + hidden(report).size() + "); it must fail one");
            }
        });
        return problems;
    }

    private GradeReport grade(ExerciseBundle bundle, String solution) {
        return grader.grade(new GradingRequest(solution, Map.of(),
                List.of(new TestSuite("public", bundle.exercise().publicTests()),
                        new TestSuite("hidden", bundle.hiddenTests())),
                TEST_TIMEOUT, SandboxFixtures.sandbox().defaultLimits()));
    }

    private static List<TestResult> hidden(GradeReport report) {
        return report.tests().stream().filter(t -> t.suite().equals("hidden")).toList();
    }

    private static String failures(GradeReport report, List<TestResult> tests) {
        if (!report.reported()) {
            return "no verdict from the grader (" + report.run().outcome().status() + "): "
                    + report.run().stderr().text().strip();
        }
        List<String> failed = tests.stream().filter(t -> !t.passed())
                .map(t -> t.suite() + "/" + t.name() + ": " + t.message()).toList();
        return failed.isEmpty() ? "no tests ran" : String.join("; ", failed);
    }
}
