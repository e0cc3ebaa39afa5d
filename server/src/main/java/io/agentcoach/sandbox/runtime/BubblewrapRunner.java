package io.agentcoach.sandbox.runtime;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.agentcoach.sandbox.Limit;
import io.agentcoach.sandbox.Limits;
import io.agentcoach.sandbox.Output;
import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;

/**
 * Runs one program in a bubblewrap box. The process chain is
 * {@code sh} (joins the run's cgroups, sets rlimits, opens the result pipe) → {@code setpriv}
 * (drops to the unprivileged uid 65534 with no capabilities) → {@code bwrap} (new namespaces of
 * every kind, read-only system, tmpfs work directory) → the program.
 *
 * <p>The host never reads or writes anything inside a live box: inputs are a read-only bind of a
 * directory prepared before start; results come only through pipes (stdout, stderr, and a named
 * pipe on fd 3 that lives in a host directory the box cannot see).
 */
final class BubblewrapRunner {

    static final int BOX_UID = 65534;
    private static final int SETUP_FAILED = 125;
    private static final String WRAPPER = """
            exec 3>"$AC_RESULT" || exit 125
            exec 4<"$AC_SECCOMP" || exit 125
            for p in $AC_CGROUPS; do echo $$ > "$p" || exit 125; done
            ulimit -S -t "$AC_CPU" && ulimit -H -t $((AC_CPU + 2)) && ulimit -v "$AC_AS_KB" && ulimit -f "$AC_FSIZE_BLOCKS" && ulimit -c 0 \
              && ulimit -n 256 || exit 125
            exec "$@"
            """;

    private final Path bubblewrap;
    private final Path seccomp;
    private final Cgroups cgroups;
    private final Map<String, LanguageRuntime> runtimes;

    BubblewrapRunner(Path bubblewrap, Path seccomp, Cgroups cgroups, List<LanguageRuntime> runtimes) {
        this.bubblewrap = bubblewrap;
        this.seccomp = seccomp;
        this.cgroups = cgroups;
        this.runtimes = runtimes.stream().collect(Collectors.toUnmodifiableMap(LanguageRuntime::name, r -> r));
    }

    boolean supports(String runtime) {
        return runtimes.containsKey(runtime);
    }

    Set<String> runtimes() {
        return runtimes.keySet();
    }

    String cgroupVersion() {
        return cgroups.version();
    }

    RunResult run(RunRequest request) throws IOException {
        return run(request, null);
    }

    /** Runs the request; {@code channelLines}, when not null, gets each line of fd 3 as it is written. */
    RunResult run(RunRequest request, Consumer<String> channelLines) throws IOException {
        LanguageRuntime runtime = runtimes.get(request.runtime());
        if (runtime == null) {
            throw new IllegalArgumentException("runtime not installed: " + request.runtime());
        }
        Limits limits = request.limits();
        Path dir = Files.createTempDirectory("agentcoach-run-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx--x--x")));
        try {
            Path input = prepareInput(dir, request.files());
            Path result = dir.resolve("result");
            Fifos.create(result);
            Cgroups.RunGroup group = cgroups.create(limits);
            try {
                return execute(runtime, request, input, result, group, channelLines);
            } finally {
                group.killAll();
                group.remove();
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static Path prepareInput(Path dir, Map<String, String> files) throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = input.resolve(file.getKey());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return input;
    }

    private RunResult execute(LanguageRuntime runtime, RunRequest request, Path input, Path result,
            Cgroups.RunGroup group, Consumer<String> channelLines) throws IOException {
        Limits limits = request.limits();
        ProcessBuilder builder = new ProcessBuilder(command(runtime, request, input));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("AC_RESULT", result.toString());
        env.put("AC_SECCOMP", seccomp.toString());
        env.put("AC_CGROUPS", group.procsFiles().stream().map(Path::toString).collect(Collectors.joining(" ")));
        env.put("AC_CPU", Long.toString(Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000)));
        env.put("AC_AS_KB", Long.toString(2 * limits.memory().toBytes() / 1024 + 64 * 1024));
        env.put("AC_FSIZE_BLOCKS", Long.toString(Math.max(1, limits.fileSize().toBytes() / 512)));
        if (request.stdin().isEmpty()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }

        long started = System.nanoTime();
        Process process = builder.start();
        if (!request.stdin().isEmpty()) {
            Thread.ofPlatform().daemon().name("sandbox-stdin").start(() -> {
                try (var in = process.getOutputStream()) {
                    in.write(request.stdin().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the program exited without reading all of its input
                }
            });
        }
        AtomicBoolean outputExceeded = new AtomicBoolean();
        Runnable stopForOutput = () -> {
            if (outputExceeded.compareAndSet(false, true)) {
                group.killAll();
            }
        };
        AtomicLong outputBudget = new AtomicLong(limits.output().toBytes());
        CappedStream stdout = new CappedStream("sandbox-stdout", process.getInputStream(), outputBudget,
                stopForOutput);
        CappedStream stderr = new CappedStream("sandbox-stderr", process.getErrorStream(), outputBudget,
                stopForOutput);
        ResultPipe channel = new ResultPipe(result, limits.output().toBytes(), channelLines);

        boolean wallExceeded = false;
        try {
            if (!process.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS)) {
                wallExceeded = true;
                group.killAll();
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            group.killAll();
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the run was going", e);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        group.killAll();
        channel.unblock();
        Output out = stdout.await(2000);
        Output err = stderr.await(2000);
        Output resultText = channel.await(2000);
        int exit = process.exitValue();
        if (exit == SETUP_FAILED && out.text().isEmpty() && wall.toMillis() < limits.wallTime().toMillis()) {
            throw new IOException("sandbox set-up failed: " + err.text().strip());
        }
        Duration cpu = Duration.ofNanos(group.cpuNanos());
        RunOutcome outcome = classify(limits, exit, wallExceeded, outputExceeded.get(), cpu, err, group);
        return new RunResult(outcome, out, err, resultText, wall, cpu, group.peakMemoryBytes());
    }

    private static RunOutcome classify(Limits limits, int exit, boolean wallExceeded, boolean outputExceeded,
            Duration cpu, Output stderr, Cgroups.RunGroup group) {
        if (outputExceeded) {
            return stopped(limits, Limit.OUTPUT);
        }
        if (exit == 0 && !wallExceeded) {
            return new RunOutcome.Exited(0);
        }
        String lastError = lastLine(stderr.text());
        if (lastError.startsWith("MemoryError") || (group.memoryLimitHit() && exit == 128 + 9)) {
            return stopped(limits, Limit.MEMORY);
        }
        if (group.processLimitHit()) {
            return stopped(limits, Limit.PROCESSES);
        }
        if (exit == 128 + 24 || cpu.compareTo(limits.cpuTime()) >= 0 || killedNearCpuLimit(limits, exit, cpu)) {
            return stopped(limits, Limit.CPU_TIME);
        }
        if (wallExceeded) {
            return stopped(limits, Limit.WALL_TIME);
        }
        if (exit == 128 + 25 || lastError.contains("File too large")) {
            return stopped(limits, Limit.FILE_SIZE);
        }
        return exit > 128 ? new RunOutcome.Signalled(exit - 128) : new RunOutcome.Exited(exit);
    }

    /**
     * The CPU rlimit is soft at the limit (the kernel sends SIGXCPU, which ends the program) and hard
     * two seconds later (SIGKILL, for a program that ignores SIGXCPU). The cgroup's CPU counter, read
     * just afterwards, can trail the kernel's on a loaded host: a SIGKILL no memory limit explains,
     * with the counter within 10% of the limit, is that limit.
     */
    private static boolean killedNearCpuLimit(Limits limits, int exit, Duration cpu) {
        return exit == 128 + 9 && cpu.toMillis() * 10 >= limits.cpuTime().toMillis() * 9;
    }

    private static RunOutcome stopped(Limits limits, Limit limit) {
        return new RunOutcome.Stopped(limit, limits.describe(limit));
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }

    private List<String> command(LanguageRuntime runtime, RunRequest request, Path input) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "sandbox",
                "/usr/bin/setpriv", "--reuid=" + BOX_UID, "--regid=" + BOX_UID, "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--",
                bubblewrap.toString(),
                "--unshare-all", "--unshare-user", "--uid", Integer.toString(BOX_UID), "--gid",
                Integer.toString(BOX_UID), "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--hostname", "sandbox", "--seccomp", "4", "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", LanguageRuntime.WORK,
                "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", LanguageRuntime.WORK));
        runtime.environment().forEach((k, v) -> command.addAll(List.of("--setenv", k, v)));
        command.addAll(runtime.mounts());
        command.addAll(List.of(
                "--ro-bind", input.toString(), LanguageRuntime.INPUT,
                "--size", Long.toString(request.limits().memory().toBytes()), "--tmpfs", LanguageRuntime.WORK,
                "--proc", "/proc", "--dev", "/dev",
                "--remount-ro", "/",
                "--chdir", LanguageRuntime.WORK, "--"));
        command.addAll(runtime.command(request.entryPoint(), request.arguments()));
        return command;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Reads the run's result pipe. Opening a named pipe blocks until the writer opens it; the
     * wrapper opens it first thing, and {@link #unblock()} ends the wait if it never did.
     */
    private static final class ResultPipe {

        private final Path path;
        private final AtomicBoolean opened = new AtomicBoolean();
        private final CappedStream[] stream = new CappedStream[1];
        private final Thread opener;

        ResultPipe(Path path, long cap, Consumer<String> lines) {
            this.path = path;
            this.opener = Thread.ofPlatform().daemon().name("sandbox-result").start(() -> {
                try {
                    InputStream in = new FileInputStream(path.toFile());
                    opened.set(true);
                    synchronized (stream) {
                        stream[0] = new CappedStream("sandbox-result-read", in, new AtomicLong(cap), () -> { },
                                lines);
                    }
                } catch (IOException e) {
                    opened.set(true);
                }
            });
        }

        void unblock() {
            if (!opened.get()) {
                Thread.ofPlatform().daemon().start(() -> {
                    try (FileOutputStream ignored = new FileOutputStream(path.toFile())) {
                        // opening the write end lets the blocked reader see end-of-file
                    } catch (IOException e) {
                        // the reader opened meanwhile; nothing to unblock
                    }
                });
            }
        }

        Output await(long millis) {
            try {
                opener.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (stream) {
                return stream[0] == null ? new Output("", false) : stream[0].await(millis);
            }
        }
    }
}
