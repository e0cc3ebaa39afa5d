package io.agentcoach.content.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.agentcoach.content.Exercise;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.runtime.OrganizationContent;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lessons and exercises private to the caller's organization, written by its instructors and org
 * admins ({@link Authors#require}). An exercise's body is its folder (file name to text); a lesson's
 * is its Markdown with front matter, exactly as a file in content/.
 */
@RestController
@RequestMapping("/api/content/organization")
class OrganizationContentController {

    record Folder(@NotNull @Size(min = 1, max = 30) Map<String, String> files) {
    }

    record LessonSource(@NotNull @Size(min = 1, max = 200_000) String markdown) {
    }

    record Written(String id, String title, List<String> skills, int difficulty, int minutes) {
    }

    private final OrganizationContent content;
    private final CurrentUsers users;

    OrganizationContentController(OrganizationContent content, CurrentUsers users) {
        this.content = content;
        this.users = users;
    }

    @GetMapping("/exercises")
    List<Written> exercises() {
        return content.exercises(users.require().organizationId()).stream().map(OrganizationContentController::view)
                .toList();
    }

    @PostMapping("/exercises")
    ResponseEntity<Written> createExercise(@Valid @RequestBody Folder body) {
        CurrentUser author = Authors.require(users);
        Exercise e = content.createExercise(author.organizationId(), author.userId(), body.files());
        return ResponseEntity.created(URI.create("/api/content/exercises/" + e.id())).body(view(e));
    }

    @PutMapping("/exercises/{id}")
    Written replaceExercise(@PathVariable String id, @Valid @RequestBody Folder body) {
        CurrentUser author = Authors.require(users);
        return view(content.replaceExercise(author.organizationId(), author.userId(), id, body.files()));
    }

    @DeleteMapping("/exercises/{id}")
    ResponseEntity<Void> deleteExercise(@PathVariable String id) {
        content.deleteExercise(Authors.require(users).organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/lessons")
    List<Written> lessons() {
        return content.lessons(users.require().organizationId()).stream().map(OrganizationContentController::view)
                .toList();
    }

    @PostMapping("/lessons")
    ResponseEntity<Written> createLesson(@Valid @RequestBody LessonSource body) {
        CurrentUser author = Authors.require(users);
        Lesson l = content.createLesson(author.organizationId(), author.userId(), body.markdown());
        return ResponseEntity.created(URI.create("/api/content/lessons/" + l.id())).body(view(l));
    }

    @PutMapping("/lessons/{id}")
    Written replaceLesson(@PathVariable String id, @Valid @RequestBody LessonSource body) {
        CurrentUser author = Authors.require(users);
        return view(content.replaceLesson(author.organizationId(), author.userId(), id, body.markdown()));
    }

    @DeleteMapping("/lessons/{id}")
    ResponseEntity<Void> deleteLesson(@PathVariable String id) {
        content.deleteLesson(Authors.require(users).organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    private static Written view(Exercise e) {
        return new Written(e.id(), e.title(), e.skills(), e.difficulty(), e.minutes());
    }

    private static Written view(Lesson l) {
        return new Written(l.id(), l.title(), l.skills(), l.difficulty(), l.minutes());
    }
}
