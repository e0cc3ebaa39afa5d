package io.agentcoach.practice.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.practice.internal.Practice;
import io.agentcoach.practice.internal.Practice.AttemptView;
import io.agentcoach.practice.internal.Practice.ProgressReport;
import io.agentcoach.practice.internal.Practice.ProgressView;
import io.agentcoach.practice.internal.Practice.SubmissionView;
import io.agentcoach.practice.internal.Verdict;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The practice API: attempts, drafts, runs and submissions of the calling learner. */
@RestController
@RequestMapping("/api/practice")
class PracticeController {

    record Code(String code) {
    }

    private final Practice practice;
    private final ObjectProvider<CurrentUsers> users;

    PracticeController(Practice practice, ObjectProvider<CurrentUsers> users) {
        this.practice = practice;
        this.users = users;
    }

    private CurrentUser caller() {
        return caller(users);
    }

    /** The calling learner (scope practice:submit): 401 without credentials or sign-in, 403 without the scope. */
    static CurrentUser caller(ObjectProvider<CurrentUsers> users) {
        CurrentUsers current = users.getIfAvailable();
        if (current == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "This server has no sign-in configured.");
        }
        return current.require(Scopes.PRACTICE_SUBMIT);
    }

    @PostMapping("/exercises/{exerciseId}/attempts")
    ResponseEntity<AttemptView> start(@PathVariable String exerciseId) {
        AttemptView attempt = practice.start(caller(), exerciseId);
        return ResponseEntity.created(URI.create("/api/practice/attempts/" + attempt.id())).body(attempt);
    }

    @GetMapping("/attempts/{attemptId}")
    AttemptView attempt(@PathVariable UUID attemptId) {
        return practice.attempt(caller(), attemptId);
    }

    @PutMapping("/attempts/{attemptId}/draft")
    AttemptView saveDraft(@PathVariable UUID attemptId, @RequestBody Code body) {
        return practice.saveDraft(caller(), attemptId, body.code());
    }

    @PostMapping("/attempts/{attemptId}/runs")
    Verdict run(@PathVariable UUID attemptId, @RequestBody Code body) {
        return practice.run(caller(), attemptId, body.code());
    }

    @PostMapping("/attempts/{attemptId}/submissions")
    ResponseEntity<SubmissionView> submit(@PathVariable UUID attemptId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody Code body) {
        SubmissionView submission = practice.submit(caller(), attemptId, key, body.code());
        return ResponseEntity.accepted().location(URI.create("/api/practice/submissions/" + submission.id()))
                .body(submission);
    }

    @GetMapping("/submissions/{submissionId}")
    SubmissionView submission(@PathVariable UUID submissionId) {
        return practice.submission(caller(), submissionId);
    }

    @GetMapping("/exercises/{exerciseId}/progress")
    ProgressView progress(@PathVariable String exerciseId) {
        return practice.progress(caller(), exerciseId);
    }

    @GetMapping("/progress")
    ProgressReport progress() {
        return practice.progress(caller());
    }

    @GetMapping("/exercises/{exerciseId}/submissions")
    List<SubmissionView> history(@PathVariable String exerciseId) {
        return practice.history(caller(), exerciseId);
    }
}
