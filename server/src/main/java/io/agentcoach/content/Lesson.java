package io.agentcoach.content;

import java.util.List;

/**
 * A lesson as served: Markdown source, safe HTML, its sections (table of contents) and check
 * questions. {@code organizationId} is null for the shipped curriculum.
 */
public record Lesson(String id, String trackId, String title, List<String> skills, List<String> prerequisites,
        int difficulty, int minutes, String markdown, String html, List<Section> sections,
        List<CheckQuestion> checks, java.util.UUID organizationId) {

    public Lesson {
        skills = List.copyOf(skills);
        prerequisites = List.copyOf(prerequisites);
        sections = List.copyOf(sections);
        checks = List.copyOf(checks);
    }
}
