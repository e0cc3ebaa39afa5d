package io.agentcoach.mastery.web;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.mastery.PlacementState;
import io.agentcoach.mastery.Placements;
import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's placement: start or skip it, see the question to answer, answer it. */
@RestController
@RequestMapping("/api/mastery/placement")
class PlacementController {

    static final int MAX_ANSWER_LENGTH = 1000;

    private final Placements placements;
    private final CurrentUsers currentUsers;

    PlacementController(Placements placements, CurrentUsers currentUsers) {
        this.placements = placements;
        this.currentUsers = currentUsers;
    }

    /** {@code skip}: start from zero instead of being assessed. */
    record StartRequest(Boolean skip) {
    }

    /** {@code answer}: a choice question's option index, or a short question's text. */
    record AnswerRequest(String itemId, String answer) {
    }

    /** 201 with a new placement, or 200 with the one already in progress. */
    @PostMapping
    ResponseEntity<PlacementState> start(@RequestBody(required = false) StartRequest request) {
        CurrentUser user = caller();
        boolean skip = request != null && Boolean.TRUE.equals(request.skip());
        Placements.Started started = placements.start(user.organizationId(), user.userId(), skip);
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/mastery/placement").body(started.placement());
    }

    /** The caller's latest placement with the question to answer now, if it is in progress. */
    @GetMapping
    PlacementState current() {
        CurrentUser user = caller();
        return placements.latest(user.organizationId(), user.userId())
                .orElseThrow(() -> Problems.notFound("A placement"));
    }

    @PostMapping("/answers")
    PlacementState answer(@RequestBody AnswerRequest request) {
        CurrentUser user = caller();
        if (request.itemId() == null || request.itemId().isBlank()) {
            throw Problems.badRequest("itemId is required.");
        }
        if (request.answer() == null || request.answer().length() > MAX_ANSWER_LENGTH) {
            throw Problems.badRequest("answer is required, at most " + MAX_ANSWER_LENGTH + " characters.");
        }
        return placements.answer(user.organizationId(), user.userId(), request.itemId(), request.answer());
    }

    private CurrentUser caller() {
        return currentUsers.require(Scopes.PROFILE);
    }
}
