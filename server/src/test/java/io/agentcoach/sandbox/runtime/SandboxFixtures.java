package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.agentcoach.sandbox.Limits;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.util.unit.DataSize;

/** A real sandbox for tests, with tighter limits so hostile programs are stopped quickly. */
final class SandboxFixtures {

    static final Limits TEST_LIMITS = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(3), DataSize.ofMegabytes(128),
            32, DataSize.ofKilobytes(64), DataSize.ofKilobytes(256));

    private static QueuedCodeRunner runner;

    private SandboxFixtures() {
    }

    static SandboxSettings defaultSettings() {
        return SandboxRunCommand.defaultSettings();
    }

    /** One sandbox for all tests of a JVM, as a node has one. */
    static synchronized QueuedCodeRunner sandbox() {
        if (runner == null) {
            runner = new QueuedCodeRunner(defaultSettings(), new SimpleMeterRegistry());
        }
        return runner;
    }

    /** Runs {@code code} as main.py, tagged with a marker argument so its processes can be found on the host. */
    static Run run(String code) {
        String marker = "marker-" + UUID.randomUUID();
        RunResult result = sandbox().run(new RunRequest("python3", Map.of("main.py", code), "main.py",
                List.of(marker), "", TEST_LIMITS));
        return new Run(result, marker);
    }

    record Run(RunResult result, String marker) {

        String stdout() {
            return result.stdout().text();
        }

        String status() {
            return result.outcome().status();
        }
    }

    /**
     * Processes this JVM started that belong to no sandbox box in use or waiting, after letting
     * killed ones die for up to two seconds: what runs left behind.
     */
    static List<ProcessHandle> strayProcesses() throws InterruptedException {
        List<ProcessHandle> strays = Box.strayProcesses();
        for (int i = 0; i < 100 && !strays.isEmpty(); i++) {
            Thread.sleep(20);
            strays = Box.strayProcesses();
        }
        return strays;
    }

    /** Host processes whose command line contains {@code marker}. */
    static List<Long> hostProcessesWith(String marker) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline"))).contains(marker);
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }
}
