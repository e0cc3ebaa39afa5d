package io.agentcoach.sandbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import io.agentcoach.platform.DataSizeRange;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one sandbox run may use before it is stopped.
 *
 * @param cpuTime CPU time of all its processes together
 * @param wallTime elapsed time from start to finish
 * @param memory memory of all its processes together (files in its work directory count too)
 * @param processes processes and threads alive at once
 * @param output stdout and stderr together; more stops the run and is cut off
 * @param fileSize the largest file it may write
 */
public record Limits(
        @NotNull @DefaultValue("5s") Duration cpuTime,
        @NotNull @DefaultValue("10s") Duration wallTime,
        @NotNull @DefaultValue("256MB") @DataSizeRange(min = "16MB", max = "64GB") DataSize memory,
        @Min(4) @Max(100_000) @DefaultValue("64") int processes,
        @NotNull @DefaultValue("1MB") @DataSizeRange(min = "1KB", max = "1GB") DataSize output,
        @NotNull @DefaultValue("1MB") @DataSizeRange(min = "1KB", max = "64GB") DataSize fileSize) {

    /** The text a learner reads when {@code limit} stopped a run, e.g. "stopped: used more than 256 MiB of memory". */
    public String describe(Limit limit) {
        return "stopped: " + switch (limit) {
            case CPU_TIME -> "used more than " + seconds(cpuTime) + " of CPU time";
            case WALL_TIME -> "ran longer than " + seconds(wallTime);
            case MEMORY -> "used more than " + bytes(memory) + " of memory";
            case PROCESSES -> "tried to run more than " + processes + " processes at once";
            case OUTPUT -> "printed more than " + bytes(output) + " of output";
            case FILE_SIZE -> "tried to write a file larger than " + bytes(fileSize);
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String bytes(DataSize size) {
        long b = size.toBytes();
        if (b % (1L << 30) == 0) {
            return (b >> 30) + " GiB";
        }
        if (b % (1L << 20) == 0) {
            return (b >> 20) + " MiB";
        }
        return b % 1024 == 0 ? (b >> 10) + " KiB" : b + " bytes";
    }
}
