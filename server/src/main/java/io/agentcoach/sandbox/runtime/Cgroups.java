package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.sandbox.Limits;

/**
 * Per-run control groups: memory and process limits no rlimit can give a root-started run, peak
 * memory and CPU accounting, and a reliable way to find every process of a run. Uses cgroup v1
 * (memory, pids, cpuacct hierarchies) when mounted, else the v2 unified hierarchy.
 */
final class Cgroups {

    private static final String PARENT = "agentcoach-sandbox";
    /** Run groups are named {@code run-<pid of the JVM>-<uuid>}, so a dead JVM's leftovers can be told apart. */
    private static final String PREFIX = "run-";

    private final boolean v2;
    /** Controller name to this node's parent directory for runs (v2: one entry, "unified"). */
    private final Map<String, Path> parents;

    private Cgroups(boolean v2, Map<String, Path> parents) {
        this.v2 = v2;
        this.parents = parents;
    }

    /** Sets up the parent groups, or says why the host offers none usable. */
    static Cgroups open(Path root) throws IOException {
        if (Files.isDirectory(root.resolve("memory")) && Files.isDirectory(root.resolve("pids"))) {
            Map<String, Path> parents = new LinkedHashMap<>();
            for (String controller : List.of("memory", "pids", "cpuacct")) {
                Path mount = root.resolve(controller);
                if (Files.isDirectory(mount)) {
                    Path parent = ownGroup(mount, controller).resolve(PARENT);
                    Files.createDirectories(parent);
                    parents.put(controller, parent);
                }
            }
            return new Cgroups(false, parents);
        }
        Path controllers = root.resolve("cgroup.controllers");
        if (Files.isRegularFile(controllers)) {
            String available = Files.readString(controllers);
            if (!available.contains("memory") || !available.contains("pids")) {
                throw new IOException("cgroup v2 lacks the memory or pids controller");
            }
            Path parent = root.resolve(PARENT);
            Files.createDirectories(parent);
            // cpu.stat's usage_usec is there without the cpu controller, so only memory and pids are required
            for (Path group : List.of(root, parent)) {
                write(group.resolve("cgroup.subtree_control"), "+memory +pids");
            }
            return new Cgroups(true, Map.of("unified", parent));
        }
        throw new IOException("no cgroup memory and pids controllers under " + root);
    }

    /** The group this JVM is in for {@code controller}, so runs are accounted inside it. */
    private static Path ownGroup(Path mount, String controller) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                Path own = mount.resolve(parts[2].substring(1));
                if (Files.isDirectory(own) && Files.isWritable(own)) {
                    return own;
                }
            }
        }
        return mount;
    }

    /**
     * Removes the empty run groups that JVMs no longer alive left behind (a crash or kill -9 skips
     * the clean-up at shutdown). Groups of live JVMs, and groups with processes, are left alone.
     */
    void removeLeftovers() {
        for (Path parent : parents.values()) {
            try (var groups = Files.list(parent)) {
                groups.filter(g -> ownerIsGone(g.getFileName().toString())).forEach(g -> {
                    try {
                        Files.deleteIfExists(g);
                    } catch (IOException busy) {
                        // processes are still in it, or another node removed it first
                    }
                });
            } catch (IOException e) {
                // nothing to clean up here
            }
        }
    }

    private static boolean ownerIsGone(String name) {
        String[] parts = name.split("-", 3);
        if (parts.length < 3 || !name.startsWith(PREFIX) || !parts[1].matches("\\d{1,10}")) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(parts[1])).isEmpty();
    }

    String version() {
        return v2 ? "v2" : "v1";
    }

    /** A new group for one run, limits applied. */
    RunGroup create(Limits limits) throws IOException {
        String name = PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        Map<String, Path> groups = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> parent : parents.entrySet()) {
                Path group = parent.getValue().resolve(name);
                Files.createDirectory(group);
                groups.put(v2 ? "memory" : parent.getKey(), group);
            }
            RunGroup run = new RunGroup(v2, groups);
            run.apply(limits);
            return run;
        } catch (IOException | RuntimeException e) {
            new RunGroup(v2, groups).remove();
            throw e;
        }
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }

    /** The groups of one run (one per v1 controller, or one v2 group). */
    static final class RunGroup {

        private final boolean v2;
        /** Controller to group; under v2 the one group is registered as "memory". */
        private final Map<String, Path> groups;

        private RunGroup(boolean v2, Map<String, Path> groups) {
            this.v2 = v2;
            this.groups = groups;
        }

        private void apply(Limits limits) throws IOException {
            String memory = Long.toString(limits.memory().toBytes());
            String pids = Integer.toString(limits.processes());
            if (v2) {
                Path g = groups.get("memory");
                write(g.resolve("memory.max"), memory);
                tryWrite(g.resolve("memory.swap.max"), "0");
                write(g.resolve("pids.max"), pids);
                return;
            }
            Path mem = find("memory").orElseThrow();
            write(mem.resolve("memory.limit_in_bytes"), memory);
            tryWrite(mem.resolve("memory.memsw.limit_in_bytes"), memory);
            write(find("pids").orElseThrow().resolve("pids.max"), pids);
        }

        private static void tryWrite(Path file, String value) {
            try {
                if (Files.exists(file)) {
                    write(file, value);
                }
            } catch (IOException e) {
                // swap accounting is optional: without it the memory limit still holds for RAM
            }
        }

        private Optional<Path> find(String controller) {
            return Optional.ofNullable(groups.get(v2 ? "memory" : controller));
        }

        /** The files a starting process writes its pid into to join every group of the run. */
        List<Path> procsFiles() {
            return groups.values().stream().map(g -> g.resolve("cgroup.procs")).toList();
        }

        /** Kills every process of the run until none is left (fork bombs race the first sweeps). */
        void killAll() {
            Path procs = find("pids").orElseThrow().resolve("cgroup.procs");
            for (int sweep = 0; sweep < 200; sweep++) {
                List<String> pids = readLines(procs);
                if (pids.isEmpty()) {
                    return;
                }
                for (String pid : pids) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
                Thread.onSpinWait();
                if (sweep > 20) {
                    sleepQuietly();
                }
            }
        }

        boolean isEmpty() {
            return groups.values().stream().allMatch(g -> readLines(g.resolve("cgroup.procs")).isEmpty());
        }

        long peakMemoryBytes() {
            return v2 ? readLong(groups.get("memory").resolve("memory.peak"))
                    : find("memory").map(g -> readLong(g.resolve("memory.max_usage_in_bytes"))).orElse(0L);
        }

        /** Whether the kernel's out-of-memory killer hit, or an allocation failed at the limit. */
        boolean memoryLimitHit() {
            if (v2) {
                return counter(groups.get("memory").resolve("memory.events"), "max") > 0
                        || counter(groups.get("memory").resolve("memory.events"), "oom_kill") > 0;
            }
            return find("memory").map(g -> readLong(g.resolve("memory.failcnt")) > 0
                    || counter(g.resolve("memory.oom_control"), "oom_kill") > 0).orElse(false);
        }

        boolean processLimitHit() {
            Path g = find("pids").orElseThrow();
            return counter(g.resolve("pids.events"), "max") > 0;
        }

        /** CPU time of the run in nanoseconds, 0 when not accounted. */
        long cpuNanos() {
            if (v2) {
                return counter(groups.get("memory").resolve("cpu.stat"), "usage_usec") * 1000;
            }
            return find("cpuacct").map(g -> readLong(g.resolve("cpuacct.usage"))).orElse(0L);
        }

        /** Removes the groups; they must be empty ({@link #killAll()} first). */
        void remove() {
            for (Path g : groups.values()) {
                for (int attempt = 0; attempt < 50; attempt++) {
                    try {
                        Files.deleteIfExists(g);
                        break;
                    } catch (IOException busy) {
                        killAll();
                        sleepQuietly();
                    }
                }
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static List<String> readLines(Path file) {
            try {
                return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        private static long readLong(Path file) {
            List<String> lines = readLines(file);
            return lines.isEmpty() ? 0 : Long.parseLong(lines.getFirst().trim());
        }

        private static long counter(Path file, String key) {
            for (String line : readLines(file)) {
                String[] kv = line.trim().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
            return 0;
        }
    }
}
