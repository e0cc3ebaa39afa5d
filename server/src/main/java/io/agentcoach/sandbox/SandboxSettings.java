package io.agentcoach.sandbox;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the code sandbox ({@code agentcoach.sandbox.*}).
 *
 * @param bubblewrap the bwrap executable
 * @param python the Python 3 interpreter used inside the box (it must live under /usr)
 * @param cgroupRoot where the cgroup file systems are mounted
 * @param limits the limits every run gets by default
 * @param concurrency runs at once on this node; 0 means one per CPU core
 * @param queueCapacity runs that may wait for a slot; more are refused with 503 and Retry-After
 * @param warmBoxes boxes kept started and waiting for a run, per runtime and set of limits; -1 means
 * as many as {@code concurrency}, 0 starts every box on demand
 */
@Validated
@ConfigurationProperties("agentcoach.sandbox")
public record SandboxSettings(
        @NotNull @DefaultValue("/usr/bin/bwrap") Path bubblewrap,
        @NotNull @DefaultValue("/usr/bin/python3") Path python,
        @NotNull @DefaultValue("/sys/fs/cgroup") Path cgroupRoot,
        @Valid @NotNull @DefaultValue Limits limits,
        @Min(0) @Max(1024) @DefaultValue("0") int concurrency,
        @Min(0) @Max(100_000) @DefaultValue("64") int queueCapacity,
        @Min(-1) @Max(64) @DefaultValue("-1") int warmBoxes) {

    /** The number of runs at once, with 0 resolved to the number of cores. */
    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }

    /** Boxes kept ready per runtime and limits, with -1 resolved to {@link #effectiveConcurrency()}. */
    public int effectiveWarmBoxes() {
        return warmBoxes >= 0 ? warmBoxes : Math.min(64, effectiveConcurrency());
    }
}
