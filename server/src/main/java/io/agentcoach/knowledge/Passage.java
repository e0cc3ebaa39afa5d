package io.agentcoach.knowledge;

import java.util.List;

/**
 * One retrieved chunk of text with its citation.
 *
 * @param citation where it comes from
 * @param section the heading of its section ({@code null} before the first heading)
 * @param text the chunk's full text
 * @param highlighted the snippet, HTML-escaped, with query terms wrapped in {@code <mark>}
 * @param sourceType what kind of source
 * @param track the curriculum track, or {@code null}
 * @param skills the skills the source teaches
 * @param score the ranking score (comparable only within one result list)
 */
public record Passage(Citation citation, String section, String text, String highlighted, SourceType sourceType,
        String track, List<String> skills, double score) {

    public Passage {
        skills = List.copyOf(skills);
    }
}
