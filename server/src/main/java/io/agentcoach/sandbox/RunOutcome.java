package io.agentcoach.sandbox;

/** How a sandbox run ended. */
public sealed interface RunOutcome {

    /** Short word clients branch on: ok, error, signal, timeout, memory, processes, output, file-size. */
    String status();

    /** The program ended by itself with {@code exitCode} (0 is success). */
    record Exited(int exitCode) implements RunOutcome {
        @Override
        public String status() {
            return exitCode == 0 ? "ok" : "error";
        }
    }

    /** The program was ended by a signal that no limit explains (it killed itself, say). */
    record Signalled(int signal) implements RunOutcome {
        @Override
        public String status() {
            return "signal";
        }
    }

    /** A limit stopped the program; {@code description} says so in plain words. */
    record Stopped(Limit limit, String description) implements RunOutcome {
        @Override
        public String status() {
            return limit.status();
        }
    }
}
