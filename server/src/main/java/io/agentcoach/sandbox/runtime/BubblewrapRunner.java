package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.agentcoach.sandbox.Limits;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs in bubblewrap {@link Box}es, each used once. Starting a box (cgroups, namespaces,
 * Python, the grader's imports) is most of a run's cost, so the runner keeps up to
 * {@code warmBoxes} started boxes per runtime and limits ready: a run takes a ready box when
 * there is one (and starts a fresh one when there is none), and a background thread starts a
 * replacement right after. Boxes share nothing: a fresh box has fresh namespaces, a fresh tmpfs
 * and fresh cgroups.
 */
final class BubblewrapRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BubblewrapRunner.class);
    /** Limits sets with ready boxes; runs with yet other limits start their box on demand. */
    private static final int MAX_WARM_KINDS = 4;

    private final Path bubblewrap;
    private final Path seccomp;
    private final Cgroups cgroups;
    private final Map<String, LanguageRuntime> runtimes;
    private final int warmBoxes;
    /** Ready boxes by runtime and limits, least recently used first. */
    private final LinkedHashMap<Kind, Deque<Box>> ready = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService starter = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("sandbox-box-starter").factory());
    private volatile boolean closed;

    private record Kind(String runtime, Limits limits) {
    }

    BubblewrapRunner(Path bubblewrap, Path seccomp, Cgroups cgroups, List<LanguageRuntime> runtimes, int warmBoxes) {
        this.bubblewrap = bubblewrap;
        this.seccomp = seccomp;
        this.cgroups = cgroups;
        this.runtimes = runtimes.stream().collect(Collectors.toUnmodifiableMap(LanguageRuntime::name, r -> r));
        this.warmBoxes = warmBoxes;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sandbox-boxes-close"));
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
        Kind kind = new Kind(runtime.name(), request.limits());
        Box box = take(kind);
        try {
            return box.run(request, channelLines);
        } finally {
            box.destroy();
            refill(kind);
        }
    }

    /** A ready box of this kind, or a freshly started one. */
    private Box take(Kind kind) throws IOException {
        synchronized (ready) {
            Deque<Box> boxes = ready.get(kind);
            while (boxes != null && !boxes.isEmpty()) {
                Box box = boxes.pollFirst();
                if (box.isAlive()) {
                    return box;
                }
                box.destroy();
            }
        }
        return start(kind);
    }

    private Box start(Kind kind) throws IOException {
        return Box.start(bubblewrap, seccomp, cgroups, runtimes.get(kind.runtime()), kind.limits());
    }

    /** Starts boxes of this kind in the background until {@code warmBoxes} are ready. */
    private void refill(Kind kind) {
        if (warmBoxes == 0 || closed) {
            return;
        }
        starter.execute(() -> {
            while (!closed) {
                synchronized (ready) {
                    if (ready.computeIfAbsent(kind, k -> new ArrayDeque<>()).size() >= warmBoxes) {
                        evictBeyond(MAX_WARM_KINDS);
                        return;
                    }
                }
                Box box;
                try {
                    box = start(kind);
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not start a sandbox box ahead of time; runs start their own", e);
                    return;
                }
                synchronized (ready) {
                    if (closed) {
                        box.destroy();
                        return;
                    }
                    ready.computeIfAbsent(kind, k -> new ArrayDeque<>()).addLast(box);
                }
            }
        });
    }

    /** Ends the ready boxes of the least recently used kinds beyond {@code kinds}; holds the lock. */
    private void evictBeyond(int kinds) {
        while (ready.size() > kinds) {
            Kind eldest = ready.keySet().iterator().next();
            ready.remove(eldest).forEach(Box::destroy);
        }
    }

    /** How many boxes wait ready (for tests and metrics). */
    int readyBoxes() {
        synchronized (ready) {
            return ready.values().stream().mapToInt(Deque::size).sum();
        }
    }

    /** How many boxes wait ready for runs of this runtime with these limits. */
    int readyBoxes(String runtime, Limits limits) {
        synchronized (ready) {
            Deque<Box> boxes = ready.get(new Kind(runtime, limits));
            return boxes == null ? 0 : boxes.size();
        }
    }

    /** Ends every ready box (processes, cgroups, directories); runs going on finish normally. */
    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        List<Box> boxes = new ArrayList<>();
        synchronized (ready) {
            ready.values().forEach(boxes::addAll);
            ready.clear();
        }
        boxes.forEach(Box::destroy);
    }
}
