package io.agentcoach.sandbox;

import java.util.Optional;
import java.util.Set;

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

    /** Why the sandbox cannot run code on this node, or empty when it can. */
    Optional<String> unavailableReason();

    /** The runtimes this node can run, e.g. {@code python3}. */
    Set<String> runtimes();

    /** The limits a run gets unless the caller asks for others. */
    Limits defaultLimits();
}
