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
 * sandbox runner, interleaved, and the medians, their difference and ratio. Two sandbox figures:
 * with a ready box (what a run sees while the node keeps up: the box was started before the
 * request), and with a box started for the run (cgroup set-up, rlimits, seccomp, bubblewrap,
 * Python start-up and clean-up all on the clock: the full cost, which a ready box only moves off
 * the request's path). Before each measurement the runner's background start-ups are let finish,
 * so they do not run during another series.
 */
public final class SandboxOverheadBenchmark {

    private static final String PROGRAM = "print('hello')\n";

    private SandboxOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        SandboxSettings settings = SandboxRunCommand.defaultSettings();
        Sandbox sandbox = Sandbox.start(settings);
        BubblewrapRunner warm = sandbox.runner().orElseThrow(
                () -> new IllegalStateException(sandbox.unavailableReason().orElseThrow()));
        SandboxSettings coldSettings = new SandboxSettings(settings.bubblewrap(), settings.python(),
                settings.cgroupRoot(), settings.limits(), settings.concurrency(), settings.queueCapacity(), 0);
        BubblewrapRunner cold = Sandbox.start(coldSettings).runner().orElseThrow();
        Path file = Files.createTempFile("agentcoach-bench-", ".py");
        Files.writeString(file, PROGRAM);
        RunRequest request = new RunRequest("python3", Map.of("main.py", PROGRAM), "main.py", List.of(), "",
                settings.limits());
        List<Double> direct = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> started = new ArrayList<>();
        for (int i = 0; i < runs + 5; i++) {
            double d = direct(settings.python(), file);
            awaitReady(warm, settings.effectiveWarmBoxes());
            double w = boxed(warm, request);
            awaitReady(warm, settings.effectiveWarmBoxes());
            double c = boxed(cold, request);
            if (i >= 5) {
                direct.add(d);
                ready.add(w);
                started.add(c);
            }
        }
        Files.delete(file);
        warm.close();
        cold.close();
        double md = median(direct);
        double mw = median(ready);
        double mc = median(started);
        System.out.printf("runs=%d direct_median_ms=%.1f ready_box_median_ms=%.1f overhead_ms=%.1f ratio=%.2f"
                + " | box_started_for_the_run_median_ms=%.1f overhead_ms=%.1f ratio=%.2f"
                + " | p90 direct=%.1f ready=%.1f started=%.1f%n", runs, md, mw, mw - md, mw / md, mc, mc - md, mc / md,
                percentile(direct, 0.9), percentile(ready, 0.9), percentile(started, 0.9));
    }

    private static double boxed(BubblewrapRunner runner, RunRequest request) throws IOException {
        long t0 = System.nanoTime();
        RunResult result = runner.run(request);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!result.stdout().text().equals("hello\n")) {
            throw new IllegalStateException("sandbox run failed: " + result);
        }
        return ms;
    }

    private static void awaitReady(BubblewrapRunner runner, int boxes) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (runner.readyBoxes() < boxes && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
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
