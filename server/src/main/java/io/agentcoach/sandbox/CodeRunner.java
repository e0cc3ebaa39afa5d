package io.agentcoach.sandbox;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs untrusted code in the sandbox. Calls block until the run ends; each node runs a bounded
 * number at once and queues a bounded number more.
 */
public interface CodeRunner {

    /**
     * Runs one program. Throws a 503 problem ({@code /problems/unavailable}) when the sandbox cannot
     * run code on this node, and a 503 {@code /problems/sandbox-busy} with {@code Retry-After} when its
     * queue is full; a 400 problem for a runtime that is not installed.
     */
    RunResult run(RunRequest request);

    /**
     * As {@link #run(RunRequest)}, and hands each complete line the program writes to its result
     * descriptor (fd 3) to {@code channelLines} as soon as it is written, on the runner's thread.
     * The lines are also in the result's {@link RunResult#channel()}.
     */
    default RunResult run(RunRequest request, Consumer<String> channelLines) {
        RunResult result = run(request);
        result.channel().text().lines().forEach(channelLines);
        return result;
    }

    /** Why the sandbox cannot run code on this node, or empty when it can. */
    Optional<String> unavailableReason();

    /** The runtimes this node can run, e.g. {@code python3}. */
    Set<String> runtimes();

    /** The limits a run gets unless the caller asks for others. */
    Limits defaultLimits();
}
