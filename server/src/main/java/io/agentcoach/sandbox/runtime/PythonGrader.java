package io.agentcoach.sandbox.runtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.GradeReport;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.TestGrader;
import io.agentcoach.sandbox.TestResult;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code agentcoach_grader.py} in the box with the solution as {@code solution.py} and the
 * tests sent on stdin (so they are not files learner code can list). The verdict is read only from
 * the grader's result descriptor and only if it carries this run's random nonce. The grader writes
 * one JSON line per test as it finishes ({@code {"nonce", "test"}}), handed on as they come, and
 * the whole verdict as its last line ({@code {"nonce", "tests"}}), which alone decides.
 */
@Component
class PythonGrader implements TestGrader {

    private static final String ENTRY = "grade.py";
    private static final String LAUNCHER = "import agentcoach_grader\nagentcoach_grader.main()\n";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CodeRunner runner;
    private final JsonMapper json = JsonMapper.builder().build();

    PythonGrader(CodeRunner runner) {
        this.runner = runner;
    }

    @Override
    public GradeReport grade(GradingRequest request) {
        return grade(request, null);
    }

    @Override
    public GradeReport grade(GradingRequest request, Consumer<TestResult> onTest) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        Map<String, String> files = new HashMap<>(request.supportFiles());
        files.put("solution.py", request.solution());
        files.put(ENTRY, LAUNCHER);
        String stdin = json.writeValueAsString(Map.of(
                "nonce", nonce,
                "timeout", request.testTimeout().toMillis() / 1000.0,
                "suites", request.suites().stream()
                        .map(s -> Map.of("name", s.name(), "source", s.source())).toList()));
        RunRequest run = new RunRequest("python3", files, ENTRY, List.of(), stdin, request.limits());
        Consumer<String> lines = onTest == null ? line -> { } : line -> {
            JsonNode record = verdictLine(line, nonce);
            if (record != null && record.has("test")) {
                onTest.accept(test(record.path("test")));
            }
        };
        return parse(runner.run(run, lines), nonce);
    }

    GradeReport parse(RunResult run, String nonce) {
        if (run.channel().truncated() || run.channel().text().isEmpty()) {
            return new GradeReport(List.of(), run, false);
        }
        String text = run.channel().text().stripTrailing();
        JsonNode verdict = verdictLine(text.substring(text.lastIndexOf('\n') + 1), nonce);
        if (verdict == null || !verdict.path("tests").isArray()) {
            return new GradeReport(List.of(), run, false);
        }
        return new GradeReport(verdict.path("tests").valueStream().map(PythonGrader::test).toList(), run, true);
    }

    /** One line of the channel as JSON, or null when it is not JSON or lacks this run's nonce. */
    private JsonNode verdictLine(String line, String nonce) {
        try {
            JsonNode record = json.readTree(line);
            return record != null && nonce.equals(record.path("nonce").asString("")) ? record : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static TestResult test(JsonNode t) {
        return new TestResult(t.path("suite").asString(""), t.path("name").asString(""),
                t.path("passed").asBoolean(false), t.path("message").isString() ? t.path("message").asString() : null,
                Duration.ofNanos((long) (t.path("durationMs").asDouble(0) * 1_000_000)));
    }
}
