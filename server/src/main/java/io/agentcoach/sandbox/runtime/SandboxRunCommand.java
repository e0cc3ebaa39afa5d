package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/sandbox-run FILE.py [ARGS...]}: runs one Python file in the sandbox with the default
 * limits, through the runner the server uses, and prints the outcome as one JSON line.
 * Exit code 0 when the run happened (whatever its outcome), 2 on bad usage, 3 when the sandbox is down.
 */
public final class SandboxRunCommand {

    private SandboxRunCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: sandbox-run FILE.py [ARGS...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        SandboxSettings settings = defaultSettings();
        Sandbox sandbox = Sandbox.start(settings);
        JsonMapper json = JsonMapper.builder().build();
        if (sandbox.runner().isEmpty()) {
            System.out.println(json.writeValueAsString(Map.of("status", "unavailable",
                    "reason", sandbox.unavailableReason().orElseThrow())));
            System.exit(3);
        }
        RunRequest request = new RunRequest("python3",
                Map.of("main.py", Files.readString(file, StandardCharsets.UTF_8)), "main.py",
                List.of(args).subList(1, args.length), "", settings.limits());
        RunResult result = sandbox.runner().orElseThrow().run(request);
        System.out.println(json.writeValueAsString(summary(result)));
    }

    /** The settings a server with no configuration would use. */
    static SandboxSettings defaultSettings() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("agentcoach.sandbox", SandboxSettings.class);
    }

    static Map<String, Object> summary(RunResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", result.outcome().status());
        out.put("limit", result.outcome() instanceof RunOutcome.Stopped s ? s.description() : null);
        out.put("exitCode", result.outcome() instanceof RunOutcome.Stopped ? null : result.exitCode(-1));
        out.put("stdout", result.stdout().text());
        out.put("stdoutTruncated", result.stdout().truncated());
        out.put("stderr", result.stderr().text());
        out.put("stderrTruncated", result.stderr().truncated());
        out.put("wallMs", result.wallTime().toMillis());
        out.put("cpuMs", result.cpuTime().toMillis());
        out.put("peakMemoryBytes", result.peakMemoryBytes());
        return out;
    }
}
