package io.agentcoach.practice;

import java.time.Duration;

import io.agentcoach.platform.DataSizeRange;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of practice ({@code agentcoach.practice.*}).
 *
 * @param maxCodeSize the largest solution accepted
 * @param testTimeout how long one test may take
 * @param regradeAfter how long a submission may stay claimed by a grader before another node re-grades it
 */
@Validated
@ConfigurationProperties("agentcoach.practice")
public record PracticeSettings(
        @NotNull @DefaultValue("64KB") @DataSizeRange(min = "1KB", max = "1MB") DataSize maxCodeSize,
        @NotNull @DefaultValue("2s") Duration testTimeout,
        @NotNull @DefaultValue("2m") Duration regradeAfter) {
}
