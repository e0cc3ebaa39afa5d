package io.agentcoach.sandbox.runtime;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * One bubblewrap box, started before its request is known and used for exactly one run. The
 * process chain is {@code sh} (joins the box's cgroups, sets rlimits, opens the result pipe) →
 * {@code setpriv} (drops to the unprivileged uid 65534 with no capabilities) → {@code bwrap} (new
 * namespaces of every kind, read-only system, tmpfs work directory, seccomp filter) → the
 * language's launcher, which waits for the request.
 *
 * <p>The host never reads anything inside a box and writes only into the box's input directory,
 * a host directory owned by root that the box sees read-only, and only before the request is sent,
 * while nothing but the trusted launcher has run in the box. Results come only through pipes
 * (stdout, stderr, and a named pipe on fd 3 that lives in a host directory the box cannot see).
 */
final class Box {

    static final int BOX_UID = 65534;
    private static final int SETUP_FAILED = 125;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRAPPER = """
            exec 3>"$AC_RESULT" || exit 125
            exec 4<"$AC_SECCOMP" || exit 125
            for p in $AC_CGROUPS; do echo $$ > "$p" || exit 125; done
            ulimit -S -t "$AC_CPU" && ulimit -H -t $((AC_CPU + 2)) && ulimit -v "$AC_AS_KB" && ulimit -f "$AC_FSIZE_BLOCKS" && ulimit -c 0 \\
              && ulimit -n 256 || exit 125
            exec "$@"
            """;

    /** Boxes not yet destroyed, and a lock that box start-ups share and {@link #strayProcesses()} excludes. */
    private static final Set<Box> LIVE = ConcurrentHashMap.newKeySet();
    private static final ReadWriteLock STARTING = new ReentrantReadWriteLock();

    private final Limits limits;
    private final Path dir;
    private final Path input;
    private final Cgroups.RunGroup group;
    private final Process process;
    private final AtomicBoolean outputExceeded = new AtomicBoolean();
    private final CappedStream stdout;
    private final CappedStream stderr;
    private final ResultPipe channel;

    private Box(Limits limits, Path dir, Path input, Cgroups.RunGroup group, Process process, Path result) {
        this.limits = limits;
        this.dir = dir;
        this.input = input;
        this.group = group;
        this.process = process;
        Runnable stopForOutput = () -> {
            if (outputExceeded.compareAndSet(false, true)) {
                group.killAll();
            }
        };
        AtomicLong outputBudget = new AtomicLong(limits.output().toBytes());
        this.stdout = new CappedStream("sandbox-stdout", process.getInputStream(), outputBudget, stopForOutput);
        this.stderr = new CappedStream("sandbox-stderr", process.getErrorStream(), outputBudget, stopForOutput);
        this.channel = new ResultPipe(result, limits.output().toBytes());
    }

    /** Starts a box for {@code runtime} with {@code limits}; its launcher then waits for {@link #run}. */
    static Box start(Path bubblewrap, Path seccomp, Cgroups cgroups, LanguageRuntime runtime, Limits limits)
            throws IOException {
        Path dir = Files.createTempDirectory("agentcoach-run-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx--x--x")));
        Cgroups.RunGroup group = null;
        try {
            Path input = Files.createDirectory(dir.resolve("input"));
            Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path result = dir.resolve("result");
            Fifos.create(result);
            group = cgroups.create(limits);
            ProcessBuilder builder = new ProcessBuilder(command(bubblewrap, runtime, limits, input));
            Map<String, String> env = builder.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("AC_RESULT", result.toString());
            env.put("AC_SECCOMP", seccomp.toString());
            env.put("AC_CGROUPS", group.procsFiles().stream().map(Path::toString).collect(Collectors.joining(" ")));
            env.put("AC_CPU", Long.toString(Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000)));
            env.put("AC_AS_KB", Long.toString(2 * limits.memory().toBytes() / 1024 + 64 * 1024));
            env.put("AC_FSIZE_BLOCKS", Long.toString(Math.max(1, limits.fileSize().toBytes() / 512)));
            STARTING.readLock().lock();
            try {
                Box box = new Box(limits, dir, input, group, builder.start(), result);
                LIVE.add(box);
                return box;
            } finally {
                STARTING.readLock().unlock();
            }
        } catch (IOException | RuntimeException e) {
            if (group != null) {
                group.killAll();
                group.remove();
            }
            deleteTree(dir);
            throw e;
        }
    }

    private static List<String> command(Path bubblewrap, LanguageRuntime runtime, Limits limits, Path input) {
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
                "--size", Long.toString(limits.memory().toBytes()), "--tmpfs", LanguageRuntime.WORK,
                "--proc", "/proc", "--dev", "/dev",
                "--remount-ro", "/",
                "--chdir", LanguageRuntime.WORK, "--"));
        command.addAll(runtime.launcher());
        return command;
    }

    /** Whether the box is still waiting for its request (a box whose launcher died is of no use). */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs {@code request} in this box; {@code channelLines}, when not null, gets each line of fd 3 as written. */
    RunResult run(RunRequest request, Consumer<String> channelLines) throws IOException {
        for (Map.Entry<String, String> file : request.files().entrySet()) {
            Path target = input.resolve(file.getKey());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
        channel.lines(channelLines);
        long cpuBefore = group.cpuNanos();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("entry", request.entryPoint());
        header.put("argv", request.arguments());
        byte[] head = (JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] stdin = request.stdin().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        Thread.ofPlatform().daemon().name("sandbox-stdin").start(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(head);
                in.write(stdin);
            } catch (IOException e) {
                // the program exited without reading all of its input
            }
        });

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
        Duration cpu = Duration.ofNanos(Math.max(0, group.cpuNanos() - cpuBefore));
        RunOutcome outcome = classify(exit, wallExceeded, cpu, err);
        return new RunResult(outcome, out, err, resultText, wall, cpu, group.peakMemoryBytes());
    }

    /** Ends the box: every process killed, its cgroups and host directory removed. */
    void destroy() {
        group.killAll();
        process.destroyForcibly();
        group.remove();
        LIVE.remove(this);
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // a temp directory left behind is harmless; the next boot's /tmp clean-up takes it
        }
    }

    /**
     * Processes this JVM started that belong to no box still in use or waiting: what a run left
     * behind. Zombies that the JVM has yet to reap are not counted.
     */
    static List<ProcessHandle> strayProcesses() {
        STARTING.writeLock().lock();
        try {
            Set<Long> boxed = new HashSet<>();
            for (Box box : LIVE) {
                boxed.add(box.process.pid());
                box.process.descendants().forEach(p -> boxed.add(p.pid()));
            }
            return ProcessHandle.current().descendants()
                    .filter(p -> !boxed.contains(p.pid()) && !isZombie(p.pid())).toList();
        } finally {
            STARTING.writeLock().unlock();
        }
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    private RunOutcome classify(int exit, boolean wallExceeded, Duration cpu, Output stderr) {
        if (outputExceeded.get()) {
            return stopped(Limit.OUTPUT);
        }
        if (exit == 0 && !wallExceeded) {
            return new RunOutcome.Exited(0);
        }
        String lastError = lastLine(stderr.text());
        if (lastError.startsWith("MemoryError") || (group.memoryLimitHit() && exit == 128 + 9)) {
            return stopped(Limit.MEMORY);
        }
        if (group.processLimitHit()) {
            return stopped(Limit.PROCESSES);
        }
        if (exit == 128 + 24 || cpu.compareTo(limits.cpuTime()) >= 0 || killedNearCpuLimit(exit, cpu)) {
            return stopped(Limit.CPU_TIME);
        }
        if (wallExceeded) {
            return stopped(Limit.WALL_TIME);
        }
        if (exit == 128 + 25 || lastError.contains("File too large")) {
            return stopped(Limit.FILE_SIZE);
        }
        return exit > 128 ? new RunOutcome.Signalled(exit - 128) : new RunOutcome.Exited(exit);
    }

    /**
     * The CPU rlimit is soft at the limit (the kernel sends SIGXCPU, which ends the program) and hard
     * two seconds later (SIGKILL, for a program that ignores SIGXCPU). The cgroup's CPU counter, read
     * just afterwards, can trail the kernel's on a loaded host: a SIGKILL no memory limit explains,
     * with the counter within 10% of the limit, is that limit.
     */
    private boolean killedNearCpuLimit(int exit, Duration cpu) {
        return exit == 128 + 9 && cpu.toMillis() * 10 >= limits.cpuTime().toMillis() * 9;
    }

    private RunOutcome stopped(Limit limit) {
        return new RunOutcome.Stopped(limit, limits.describe(limit));
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Reads the box's result pipe. Opening a named pipe blocks until the writer opens it; the
     * wrapper opens it first thing, and {@link #unblock()} ends the wait if it never did.
     */
    private static final class ResultPipe {

        private final Path path;
        private final AtomicBoolean opened = new AtomicBoolean();
        private final CappedStream[] stream = new CappedStream[1];
        private final Thread opener;
        private volatile Consumer<String> lines;

        ResultPipe(Path path, long cap) {
            this.path = path;
            this.opener = Thread.ofPlatform().daemon().name("sandbox-result").start(() -> {
                try {
                    InputStream in = new FileInputStream(path.toFile());
                    opened.set(true);
                    synchronized (stream) {
                        stream[0] = new CappedStream("sandbox-result-read", in, new AtomicLong(cap), () -> { },
                                line -> {
                                    Consumer<String> listener = lines;
                                    if (listener != null) {
                                        listener.accept(line);
                                    }
                                });
                    }
                } catch (IOException e) {
                    opened.set(true);
                }
            });
        }

        /** Where complete lines go from now on (the launcher writes nothing before its request). */
        void lines(Consumer<String> listener) {
            this.lines = listener;
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
