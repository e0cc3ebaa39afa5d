package io.agentcoach.content.runtime;

import java.util.Set;

import io.agentcoach.content.loading.InvalidContentException;
import org.springframework.stereotype.Service;

/**
 * Re-reads the shipped curriculum on demand (after an instructor or operator changed content/):
 * all of it validates and is swapped in at once, or nothing changes and every problem is reported
 * with its file and line.
 */
@Service
public class CurriculumReloader {

    /** What a reload changed: the version served before and now, and the items that differ. */
    public record Reloaded(String previousVersion, String version, Set<String> changedLessons,
            Set<String> changedExercises, Set<String> removed) {
    }

    private final LoadedCurriculum curriculum;

    CurriculumReloader(LoadedCurriculum curriculum) {
        this.curriculum = curriculum;
    }

    /**
     * Reloads content/ on this node.
     *
     * @throws org.springframework.web.ErrorResponseException 422 listing every problem when the new content is invalid
     */
    public Reloaded reload() {
        try {
            return curriculum.reload();
        } catch (InvalidContentException e) {
            throw OrganizationContent.invalid("The curriculum on disk does not validate, so the one served is "
                    + "unchanged", e.problems());
        }
    }
}
