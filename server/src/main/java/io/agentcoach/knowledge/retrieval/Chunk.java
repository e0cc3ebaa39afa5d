package io.agentcoach.knowledge.retrieval;

import java.util.List;
import java.util.UUID;

import io.agentcoach.knowledge.SourceType;

/**
 * A piece of a source small enough to embed, with everything a citation and a filter need.
 *
 * @param sourceId the source it was cut from
 * @param ordinal its position within the source (0-based)
 * @param title the source's title
 * @param section the heading of its section, or {@code null} before the first heading
 * @param sectionAnchor GitHub-style slug of that heading, or {@code null}
 * @param organizationId owning organization, or {@code null} for the public curriculum
 * @param sourceType kind of source
 * @param track curriculum track, or {@code null}
 * @param skills skills the source teaches
 * @param text the chunk's text
 */
public record Chunk(String sourceId, int ordinal, String title, String section, String sectionAnchor,
        UUID organizationId, SourceType sourceType, String track, List<String> skills, String text) {

    public Chunk {
        skills = List.copyOf(skills);
    }

    public String id() {
        return sourceId + "#" + ordinal;
    }

    /** What is embedded and indexed for BM25: title, section heading and text. */
    public String indexedText() {
        StringBuilder b = new StringBuilder(title.length() + text.length() + 64).append(title);
        if (section != null && !section.equals(title)) {
            b.append(" - ").append(section);
        }
        return b.append('\n').append(text).toString();
    }
}
