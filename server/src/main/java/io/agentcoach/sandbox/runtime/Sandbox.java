package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Sets a node's sandbox up from its settings and checks that it really runs code: the same
 * start-up for the server and for {@code bench/sandbox-run}.
 *
 * @param runner the runner, absent when the sandbox cannot work here
 * @param unavailableReason why not, when {@code runner} is absent
 */
record Sandbox(Optional<BubblewrapRunner> runner, Optional<String> unavailableReason) {

    private static final String LIBRARY_RESOURCES = "sandbox/python/";

    static Sandbox start(SandboxSettings settings) {
        if (!Files.isExecutable(settings.bubblewrap())) {
            return down("bubblewrap is not installed at " + settings.bubblewrap());
        }
        if (!Files.isExecutable(settings.python())) {
            return down("Python 3 is not installed at " + settings.python());
        }
        Cgroups cgroups;
        try {
            cgroups = Cgroups.open(settings.cgroupRoot());
            cgroups.removeLeftovers();
        } catch (IOException | RuntimeException e) {
            return down("cannot create cgroups to limit memory and processes: " + e.getMessage());
        }
        Optional<byte[]> filter = SeccompFilter.forThisMachine();
        if (filter.isEmpty()) {
            return down("no system-call filter for the " + System.getProperty("os.arch") + " architecture");
        }
        BubblewrapRunner runner;
        try {
            Path dir = Files.createTempDirectory("agentcoach-sandbox-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path seccomp = Files.write(dir.resolve("seccomp.bpf"), filter.get());
            deleteOnExit(dir);
            Optional<Path> library = extractLibrary(settings.python());
            if (library.isEmpty()) {
                return down("the sandbox's Python files (launcher, grader) are missing from the build");
            }
            runner = new BubblewrapRunner(settings.bubblewrap(), seccomp, cgroups,
                    List.of(new PythonRuntime(settings.python(), library.get())), settings.effectiveWarmBoxes());
        } catch (IOException e) {
            return down("cannot prepare the Python library for the sandbox: " + e.getMessage());
        }
        return probe(runner, settings);
    }

    /** Runs a one-line program; a sandbox that cannot do that is reported down with what went wrong. */
    private static Sandbox probe(BubblewrapRunner runner, SandboxSettings settings) {
        try {
            RunResult result = runner.run(new RunRequest("python3", Map.of("probe.py", "print('ready')"), "probe.py",
                    List.of(), "", settings.limits()));
            if (result.outcome() instanceof RunOutcome.Exited(int code) && code == 0
                    && result.stdout().text().equals("ready\n")) {
                return new Sandbox(Optional.of(runner), Optional.empty());
            }
            runner.close();
            return down("bubblewrap cannot run code here: " + result.outcome().status() + ", "
                    + result.stderr().text().strip());
        } catch (IOException | RuntimeException e) {
            runner.close();
            return down("bubblewrap cannot run code here: " + e.getMessage());
        }
    }

    private static Sandbox down(String reason) {
        return new Sandbox(Optional.empty(), Optional.of(reason));
    }

    /**
     * Copies the Python files shipped under {@code sandbox/python} to a host directory that the
     * box mounts read-only; empty when none are shipped.
     */
    private static Optional<Path> extractLibrary(Path python) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + LIBRARY_RESOURCES + "**/*.py");
        if (resources.length == 0) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("agentcoach-python-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            String relative = url.substring(url.lastIndexOf(LIBRARY_RESOURCES) + LIBRARY_RESOURCES.length());
            Path target = dir.resolve(relative).normalize();
            if (!target.startsWith(dir)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        precompile(python, dir);
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        deleteOnExit(dir);
        return Optional.of(dir);
    }

    /**
     * Compiles the library to bytecode once, on the host, with the interpreter the box runs: boxes
     * start with -B (they write no bytecode) but read it, so no box compiles the grader or the
     * teaching library again. Without it (the compile failed) boxes compile them on each start.
     */
    private static void precompile(Path python, Path dir) {
        try {
            Process compile = new ProcessBuilder(python.toString(), "-m", "compileall", "-q", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!compile.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                compile.destroyForcibly();
            }
        } catch (IOException e) {
            // boxes compile the sources themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers a directory tree for deletion when the JVM exits (parents first, so they go last). */
    private static void deleteOnExit(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.forEach(p -> p.toFile().deleteOnExit());
        }
    }
}
