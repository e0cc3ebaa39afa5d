package io.agentcoach.content.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.content.ContentChanged;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.loading.ContentProblem;
import io.agentcoach.content.loading.InvalidContentException;
import io.agentcoach.content.runtime.OrganizationItemStore.Kind;
import io.agentcoach.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, replaces and deletes lessons and exercises private to one organization. Each item is
 * validated by the content rules against the public curriculum before it is stored (422 listing
 * every problem with file and line); an id the public curriculum uses is a 409. Every change
 * publishes {@link ContentChanged} with the organization set, so search and mastery follow.
 */
@Service
public class OrganizationContent {

    private final LoadedCurriculum curriculum;
    private final OrganizationItemStore store;
    private final ApplicationEventPublisher events;

    OrganizationContent(LoadedCurriculum curriculum, OrganizationItemStore store, ApplicationEventPublisher events) {
        this.curriculum = curriculum;
        this.store = store;
        this.events = events;
    }

    /** Stores a new exercise folder; 409 when the id is public or the organization already has it. */
    @Transactional
    public Exercise createExercise(UUID organizationId, UUID by, Map<String, String> files) {
        String id = OrganizationOverlay.declaredId(files);
        Exercise created = validated(() -> curriculum.validateExercise(organizationId, checkFree(id), files)).exercise();
        insert(Kind.EXERCISE, organizationId, by, id, files);
        return created;
    }

    /** Replaces the organization's exercise {@code id}; 404 when it has none. */
    @Transactional
    public Exercise replaceExercise(UUID organizationId, UUID by, String id, Map<String, String> files) {
        checkDeclared(files, id, "exercise.md");
        Exercise replaced = validated(() -> curriculum.validateExercise(organizationId, id, files).exercise());
        replace(Kind.EXERCISE, organizationId, by, id, files);
        return replaced;
    }

    /** Stores a new lesson; 409 when the id is public or the organization already has it. */
    @Transactional
    public Lesson createLesson(UUID organizationId, UUID by, String markdown) {
        Map<String, String> files = Map.of(OrganizationOverlay.LESSON_FILE, markdown);
        String id = OrganizationOverlay.declaredId(files);
        Lesson created = validated(() -> curriculum.validateLesson(organizationId, checkFree(id), files));
        insert(Kind.LESSON, organizationId, by, id, files);
        return created;
    }

    /** Replaces the organization's lesson {@code id}; 404 when it has none. */
    @Transactional
    public Lesson replaceLesson(UUID organizationId, UUID by, String id, String markdown) {
        Map<String, String> files = Map.of(OrganizationOverlay.LESSON_FILE, markdown);
        checkDeclared(files, id, OrganizationOverlay.LESSON_FILE);
        Lesson replaced = validated(() -> curriculum.validateLesson(organizationId, id, files));
        replace(Kind.LESSON, organizationId, by, id, files);
        return replaced;
    }

    @Transactional
    public void deleteExercise(UUID organizationId, String id) {
        delete(Kind.EXERCISE, organizationId, id);
    }

    @Transactional
    public void deleteLesson(UUID organizationId, String id) {
        delete(Kind.LESSON, organizationId, id);
    }

    /** The organization's private exercises. */
    public List<Exercise> exercises(UUID organizationId) {
        return store.ids(Kind.EXERCISE, organizationId).stream().map(id -> curriculum.exercise(id, organizationId))
                .flatMap(Optional::stream).toList();
    }

    /** The organization's private lessons. */
    public List<Lesson> lessons(UUID organizationId) {
        return store.ids(Kind.LESSON, organizationId).stream().map(id -> curriculum.lesson(id, organizationId))
                .flatMap(Optional::stream).toList();
    }

    private String checkFree(String id) {
        if (id != null && (curriculum.exercise(id).isPresent() || curriculum.lesson(id).isPresent())) {
            throw Problems.of(HttpStatus.CONFLICT, "conflict", "Id taken",
                    "'" + id + "' is the id of an item of the public curriculum; choose another id.");
        }
        return id;
    }

    private static void checkDeclared(Map<String, String> files, String id, String file) {
        String declared = OrganizationOverlay.declaredId(files);
        if (declared != null && !declared.equals(id)) {
            throw invalid(List.of(new ContentProblem(file, 2,
                    "id '" + declared + "' does not match the id in the address '" + id + "'")));
        }
    }

    private void insert(Kind kind, UUID organizationId, UUID by, String id, Map<String, String> files) {
        boolean inserted;
        try {
            inserted = store.insert(kind, organizationId, id, files, by, Instant.now());
        } catch (DuplicateKeyException raced) {
            inserted = false;
        }
        if (!inserted) {
            throw Problems.of(HttpStatus.CONFLICT, "conflict", "Id taken", "Your organization already has a "
                    + kind.label().toLowerCase(java.util.Locale.ROOT) + " '" + id + "'; replace it with PUT.");
        }
        announce(kind, organizationId, Set.of(id), Set.of());
    }

    private void replace(Kind kind, UUID organizationId, UUID by, String id, Map<String, String> files) {
        if (!store.replace(kind, organizationId, id, files, by, Instant.now())) {
            throw Problems.notFound(kind.label() + " '" + id + "'");
        }
        announce(kind, organizationId, Set.of(id), Set.of());
    }

    private void delete(Kind kind, UUID organizationId, String id) {
        if (!store.delete(kind, organizationId, id)) {
            throw Problems.notFound(kind.label() + " '" + id + "'");
        }
        announce(kind, organizationId, Set.of(), Set.of(id));
    }

    private void announce(Kind kind, UUID organizationId, Set<String> changed, Set<String> removed) {
        events.publishEvent(new ContentChanged(curriculum.version(), organizationId,
                kind == Kind.LESSON ? changed : Set.of(), kind == Kind.EXERCISE ? changed : Set.of(), removed));
    }

    private static <T> T validated(java.util.function.Supplier<T> validation) {
        try {
            return validation.get();
        } catch (InvalidContentException e) {
            throw invalid(e.problems());
        }
    }

    private static RuntimeException invalid(List<ContentProblem> problems) {
        return invalid("The item does not follow the content format (docs/content-format.md)", problems);
    }

    /** 422 /problems/invalid-content with every problem's file, line and message. */
    static RuntimeException invalid(String what, List<ContentProblem> problems) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-content", "Invalid content",
                what + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ".",
                Map.of("problems", problems.stream().map(p -> Map.of("file", p.file(), "line", p.line(),
                        "message", p.message())).toList()));
    }
}
