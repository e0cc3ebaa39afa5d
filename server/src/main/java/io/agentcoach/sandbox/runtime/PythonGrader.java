package io.agentcoach.sandbox.runtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * the grader's result descriptor and only if it carries this run's random nonce.
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
        RunResult run = runner.run(new RunRequest("python3", files, ENTRY, List.of(), stdin, request.limits()));
        return parse(run, nonce);
    }

    GradeReport parse(RunResult run, String nonce) {
        if (run.channel().truncated() || run.channel().text().isEmpty()) {
            return new GradeReport(List.of(), run, false);
        }
        try {
            JsonNode verdict = json.readTree(run.channel().text());
            if (!nonce.equals(verdict.path("nonce").asString(""))) {
                return new GradeReport(List.of(), run, false);
            }
            List<TestResult> tests = verdict.path("tests").valueStream().map(t -> new TestResult(
                    t.path("suite").asString(""), t.path("name").asString(""), t.path("passed").asBoolean(false),
                    t.path("message").isString() ? t.path("message").asString() : null,
                    Duration.ofNanos((long) (t.path("durationMs").asDouble(0) * 1_000_000)))).toList();
            return new GradeReport(tests, run, true);
        } catch (JacksonException e) {
            return new GradeReport(List.of(), run, false);
        }
    }
}
