package io.agentcoach.knowledge;

import java.util.List;
import java.util.UUID;

/**
 * Curriculum text to index: a lesson, an exercise statement or a hint. Never hidden tests or
 * reference solutions.
 *
 * @param sourceId stable id (for example the lesson id)
 * @param title the title shown in citations
 * @param sourceType lesson, exercise or hint
 * @param track the track it belongs to, or {@code null}
 * @param skills the skills it teaches
 * @param markdown the body as Markdown (YAML front matter, if any, is ignored)
 * @param organizationId the organization it is private to, or {@code null} for the shipped curriculum
 */
public record CurriculumDocument(String sourceId, String title, SourceType sourceType, String track,
        List<String> skills, String markdown, UUID organizationId) {

    public CurriculumDocument {
        skills = List.copyOf(skills);
    }

    /** A document of the shipped (public) curriculum. */
    public CurriculumDocument(String sourceId, String title, SourceType sourceType, String track, List<String> skills,
            String markdown) {
        this(sourceId, title, sourceType, track, skills, markdown, null);
    }
}
