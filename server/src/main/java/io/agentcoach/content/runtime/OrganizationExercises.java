package io.agentcoach.content.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.content.ContentChanged;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.loading.ContentProblem;
import io.agentcoach.content.loading.InvalidContentException;
import io.agentcoach.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, replaces and deletes exercises private to one organization. Each folder is validated by
 * the content rules against the public curriculum before it is stored (422 listing every problem);
 * an id the public curriculum uses is a 409. Every change publishes {@link ContentChanged} with the
 * organization set.
 */
@Service
public class OrganizationExercises {

    private final LoadedCurriculum curriculum;
    private final OrganizationExerciseStore store;
    private final ApplicationEventPublisher events;

    OrganizationExercises(LoadedCurriculum curriculum, OrganizationExerciseStore store,
            ApplicationEventPublisher events) {
        this.curriculum = curriculum;
        this.store = store;
        this.events = events;
    }

    /** Stores a new exercise; 409 when the id is public or the organization already has it. */
    @Transactional
    public Exercise create(UUID organizationId, UUID by, Map<String, String> files) {
        String id = OrganizationExerciseFolder.declaredId(files);
        ExerciseBundle bundle = validate(organizationId, id, files);
        boolean inserted;
        try {
            inserted = store.insert(organizationId, id, files, by, Instant.now());
        } catch (DuplicateKeyException raced) {
            inserted = false;
        }
        if (!inserted) {
            throw conflict("Your organization already has an exercise '" + id + "'; replace it with PUT.");
        }
        announce(organizationId, Set.of(id), Set.of());
        return bundle.exercise();
    }

    /** Replaces the organization's exercise {@code id}; 404 when it has none. */
    @Transactional
    public Exercise replace(UUID organizationId, UUID by, String id, Map<String, String> files) {
        String declared = OrganizationExerciseFolder.declaredId(files);
        if (declared != null && !declared.equals(id)) {
            throw invalid(List.of(new ContentProblem("exercise.md", 2,
                    "exercise id '" + declared + "' does not match the id in the address '" + id + "'")));
        }
        ExerciseBundle bundle = validate(organizationId, id, files);
        if (!store.replace(organizationId, id, files, by, Instant.now())) {
            throw Problems.notFound("Exercise '" + id + "'");
        }
        announce(organizationId, Set.of(id), Set.of());
        return bundle.exercise();
    }

    @Transactional
    public void delete(UUID organizationId, String id) {
        if (!store.delete(organizationId, id)) {
            throw Problems.notFound("Exercise '" + id + "'");
        }
        announce(organizationId, Set.of(), Set.of(id));
    }

    /** The organization's private exercises. */
    public List<Exercise> list(UUID organizationId) {
        return store.ids(organizationId).stream().map(id -> curriculum.exercise(id, organizationId))
                .flatMap(java.util.Optional::stream).toList();
    }

    private ExerciseBundle validate(UUID organizationId, String id, Map<String, String> files) {
        if (id != null && (curriculum.exercise(id).isPresent() || curriculum.lesson(id).isPresent())) {
            throw conflict("'" + id + "' is the id of an item of the public curriculum; choose another id.");
        }
        try {
            return OrganizationExerciseFolder.load(curriculum.source(), id, organizationId, files);
        } catch (InvalidContentException e) {
            throw invalid(e.problems());
        }
    }

    private void announce(UUID organizationId, Set<String> changed, Set<String> removed) {
        events.publishEvent(new ContentChanged(curriculum.version(), organizationId, Set.of(), changed, removed));
    }

    private static RuntimeException conflict(String detail) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Exercise id taken", detail);
    }

    private static RuntimeException invalid(List<ContentProblem> problems) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-content", "Invalid exercise",
                "The exercise does not follow the content format (docs/content-format.md): " + problems.size()
                        + " problem" + (problems.size() == 1 ? "" : "s") + ".",
                Map.of("problems", problems.stream().map(p -> Map.of("file", p.file(), "line", p.line(),
                        "message", p.message())).toList()));
    }
}
