package io.agentcoach.content.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.agentcoach.content.Exercise;
import io.agentcoach.content.runtime.OrganizationExercises;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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
 * Exercises private to the caller's organization, written by its instructors and org admins
 * (see {@link #author()}). The body is the exercise folder: file name to text.
 */
@RestController
@RequestMapping("/api/content/organization/exercises")
class OrganizationExerciseController {

    record Folder(@NotNull @Size(min = 1, max = 30) Map<String, String> files) {
    }

    record Written(String id, String title, List<String> skills, int difficulty, int minutes) {
    }

    private final OrganizationExercises exercises;
    private final CurrentUsers users;

    OrganizationExerciseController(OrganizationExercises exercises, CurrentUsers users) {
        this.exercises = exercises;
        this.users = users;
    }

    @GetMapping
    List<Written> list() {
        return exercises.list(users.require().organizationId()).stream().map(OrganizationExerciseController::view)
                .toList();
    }

    @PostMapping
    ResponseEntity<Written> create(@Valid @RequestBody Folder body) {
        CurrentUser author = author();
        Exercise e = exercises.create(author.organizationId(), author.userId(), body.files());
        return ResponseEntity.created(URI.create("/api/content/exercises/" + e.id())).body(view(e));
    }

    @PutMapping("/{id}")
    Written replace(@PathVariable String id, @Valid @RequestBody Folder body) {
        CurrentUser author = author();
        return view(exercises.replace(author.organizationId(), author.userId(), id, body.files()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        exercises.delete(author().organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * An instructor whose credential carries {@code content:write}, or an org admin whose credential
     * carries {@code org:admin} (identity gives org admins that scope rather than content:write).
     */
    private CurrentUser author() {
        CurrentUser user = users.require();
        boolean instructor = user.has(Role.INSTRUCTOR) && user.hasScope(Scopes.CONTENT_WRITE);
        boolean admin = user.has(Role.ORG_ADMIN) && user.hasScope(Scopes.ORG_ADMIN);
        if (!instructor && !admin) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only instructors (scope content:write) and org admins (scope org:admin) write their "
                            + "organization's exercises.");
        }
        return user;
    }

    private static Written view(Exercise e) {
        return new Written(e.id(), e.title(), e.skills(), e.difficulty(), e.minutes());
    }
}
