package io.agentcoach.knowledge.retrieval;

import java.util.List;
import java.util.UUID;

import io.agentcoach.knowledge.SourceType;

/**
 * A whole source before chunking.
 *
 * @param sourceId stable id
 * @param title title for citations
 * @param organizationId owner, or {@code null} for public curriculum
 * @param sourceType kind of source
 * @param track track or {@code null}
 * @param skills skills taught
 * @param markdown body as Markdown (plain text is Markdown without headings)
 */
public record SourceText(String sourceId, String title, UUID organizationId, SourceType sourceType, String track,
        List<String> skills, String markdown) {

    public SourceText {
        skills = List.copyOf(skills);
    }

    /** A version stamp of everything that ends up in the index, to detect changes. */
    public String version() {
        return Integer.toHexString(List.of(title, String.valueOf(organizationId), sourceType.name(),
                String.valueOf(track), skills.toString(), markdown).hashCode())
                + "-" + Integer.toHexString(markdown.length());
    }
}
