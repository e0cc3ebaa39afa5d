package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;

/**
 * {@code bench/sandbox-overhead [RUNS]}: the same small Python program run directly and through the
 * sandbox runner (cgroup set-up, rlimits, seccomp, bubblewrap, clean-up included), interleaved,
 * and the medians and their difference and ratio.
 */
public final class SandboxOverheadBenchmark {

    private static final String PROGRAM = "print('hello')\n";

    private SandboxOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        SandboxSettings settings = SandboxRunCommand.defaultSettings();
        Sandbox sandbox = Sandbox.start(settings);
        BubblewrapRunner runner = sandbox.runner().orElseThrow(
                () -> new IllegalStateException(sandbox.unavailableReason().orElseThrow()));
        Path file = Files.createTempFile("agentcoach-bench-", ".py");
        Files.writeString(file, PROGRAM);
        RunRequest request = new RunRequest("python3", Map.of("main.py", PROGRAM), "main.py", List.of(), "",
                settings.limits());
        List<Double> direct = new ArrayList<>();
        List<Double> boxed = new ArrayList<>();
        for (int i = 0; i < runs + 5; i++) {
            double d = direct(settings.python(), file);
            long t0 = System.nanoTime();
            RunResult result = runner.run(request);
            double b = (System.nanoTime() - t0) / 1e6;
            if (!result.stdout().text().equals("hello\n")) {
                throw new IllegalStateException("sandbox run failed: " + result);
            }
            if (i >= 5) {
                direct.add(d);
                boxed.add(b);
            }
        }
        Files.delete(file);
        double md = median(direct);
        double mb = median(boxed);
        System.out.printf("runs=%d direct_median_ms=%.1f sandbox_median_ms=%.1f overhead_ms=%.1f ratio=%.2f"
                + " direct_p90_ms=%.1f sandbox_p90_ms=%.1f%n", runs, md, mb, mb - md, mb / md,
                percentile(direct, 0.9), percentile(boxed, 0.9));
    }

    private static double direct(Path python, Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(python.toString(), "-B", "-S", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        if (!out.equals("hello\n")) {
            throw new IllegalStateException("direct run failed: " + out);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
