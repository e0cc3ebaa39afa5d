package io.agentcoach.content;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the curriculum comes from.
 *
 * @param dir a content directory to load; when unset, {@code ./content} is used if present (a
 *     checkout), otherwise the curriculum packaged in the server jar
 */
@ConfigurationProperties("agentcoach.content")
public record ContentSettings(Path dir) {
}
