package io.agentcoach.sandbox;

import java.time.Duration;

/**
 * What a sandbox run did.
 *
 * @param outcome how it ended
 * @param stdout what it printed to standard output
 * @param stderr what it printed to standard error
 * @param channel what it wrote to its result descriptor (fd 3), for trusted code in the box such as the grader
 * @param wallTime elapsed time
 * @param cpuTime CPU time of all its processes ({@link Duration#ZERO} when the host cannot measure it)
 * @param peakMemoryBytes highest memory use of all its processes, 0 when the host cannot measure it
 */
public record RunResult(RunOutcome outcome, Output stdout, Output stderr, Output channel, Duration wallTime,
        Duration cpuTime, long peakMemoryBytes) {

    /** The exit code, or 128 + signal when it did not exit by itself (as a shell reports it). */
    public int exitCode(int ifUnknown) {
        return switch (outcome) {
            case RunOutcome.Exited e -> e.exitCode();
            case RunOutcome.Signalled s -> 128 + s.signal();
            case RunOutcome.Stopped s -> ifUnknown;
        };
    }
}
