package io.agentcoach.content;

import java.util.List;
import java.util.UUID;

/**
 * An exercise as a learner may see it: statement, starter code, public tests and hints; never
 * the hidden tests or the reference solution (those are in {@link ExerciseBundle}).
 */
public record Exercise(String id, String trackId, String title, List<String> skills, List<String> prerequisites,
        int difficulty, int minutes, String language, String statementMarkdown, String statementHtml,
        String starterCode, String publicTests, List<String> hints, UUID organizationId) {

    public Exercise {
        skills = List.copyOf(skills);
        prerequisites = List.copyOf(prerequisites);
        hints = List.copyOf(hints);
    }
}
