package io.agentcoach.knowledge;

import java.nio.file.Path;

import io.agentcoach.platform.DataSizeRange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of knowledge search ({@code agentcoach.knowledge.*}).
 *
 * @param indexDir where the local Lucene index lives; empty means {@code <agentcoach.data-dir>/index}
 * @param quantizedModel use the 8-bit quantized all-MiniLM-L6-v2 (faster) instead of full precision
 * @param embeddingThreads threads for bulk embedding; 0 means one per core
 * @param chunkWords the most words in one chunk
 * @param maxUploadSize the largest document an organization may upload
 * @param maxPdfPages the most pages read from an uploaded PDF; longer ones are refused
 */
@Validated
@ConfigurationProperties("agentcoach.knowledge")
public record KnowledgeSettings(
        Path indexDir,
        @DefaultValue("true") boolean quantizedModel,
        @DefaultValue("0") @Min(0) @Max(64) int embeddingThreads,
        @DefaultValue("150") @Min(20) @Max(400) int chunkWords,
        @NotNull @DefaultValue("1MB") @DataSizeRange(min = "1KB", max = "100MB") DataSize maxUploadSize,
        @DefaultValue("200") @Min(1) @Max(10_000) int maxPdfPages) {
}
