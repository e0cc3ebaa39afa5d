package io.agentcoach.platform;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by the whole node. Each maps to an environment variable by Spring's relaxed
 * binding ({@code agentcoach.http.max-body-size} is {@code AGENTCOACH_HTTP_MAX_BODY_SIZE}).
 *
 * @param dataDir where the embedded database, blobs and local indexes live
 * @param http limits applied to every HTTP request
 */
@Validated
@ConfigurationProperties("agentcoach")
public record PlatformSettings(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Http http) {

    /**
     * @param maxBodySize the largest request body accepted; larger ones get 413
     */
    public record Http(@NotNull @DefaultValue("1MB") @DataSizeRange(min = "1KB", max = "1GB") DataSize maxBodySize) {
    }
}
