package io.agentcoach.knowledge;

import java.util.List;

/**
 * Public curriculum text to index: a lesson, an exercise statement or a hint. Never hidden tests or
 * reference solutions.
 *
 * @param sourceId stable id (for example the lesson id)
 * @param title the title shown in citations
 * @param sourceType lesson, exercise or hint
 * @param track the track it belongs to, or {@code null}
 * @param skills the skills it teaches
 * @param markdown the body as Markdown (YAML front matter, if any, is ignored)
 */
public record CurriculumDocument(String sourceId, String title, SourceType sourceType, String track,
        List<String> skills, String markdown) {

    public CurriculumDocument {
        skills = List.copyOf(skills);
    }
}
