package io.agentcoach.platform;

import java.net.URI;
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
 * @param redis the Redis that nodes share state through (rate limits); none by default
 */
@Validated
@ConfigurationProperties("agentcoach")
public record PlatformSettings(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue Redis redis) {

    /**
     * @param maxBodySize the largest request body accepted; larger ones get 413
     */
    public record Http(@NotNull @DefaultValue("1MB") @DataSizeRange(min = "1KB", max = "1GB") DataSize maxBodySize) {
    }

    /**
     * @param url {@code redis://[:password@]host:port[/database]} ({@code rediss://} for TLS);
     *        empty to keep such state on each node
     */
    public record Redis(@NotNull @DefaultValue("") String url) {

        public Redis {
            if (url != null && !url.isBlank()) {
                URI uri;
                try {
                    uri = URI.create(url.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a URL: " + e.getMessage());
                }
                if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("expected redis://host:port or rediss://host:port");
                }
            }
        }

        /** Whether a Redis is configured. */
        public boolean configured() {
            return !url.isBlank();
        }
    }
}
