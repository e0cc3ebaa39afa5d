package io.agentcoach.coaching.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.agentcoach.coaching.crew.CoachingPlans.Kind;
import io.agentcoach.coaching.crew.CoachingPlans.Plan;
import io.agentcoach.coaching.crew.Crews;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learning plans and code reviews written by the coach and mentor agents: a learner asks for one,
 * then lists and reads their own (anyone else's is "not found"). Writing one calls models, so it
 * can take as long as two answers.
 */
@RestController
@RequestMapping("/api/coaching")
class CoachingPlansController {

    /**
     * @param goal the goal in the learner's words (optional)
     * @param goalSkillId the skill to plan toward (optional; default the learner's stated goal)
     */
    record PlanRequest(@Size(max = 1000) String goal, @Size(max = 200) String goalSkillId) {
    }

    record ReviewRequest(@NotNull UUID submissionId) {
    }

    private final ObjectProvider<CurrentUsers> currentUsers;
    private final Crews crews;

    CoachingPlansController(ObjectProvider<CurrentUsers> currentUsers, Crews crews) {
        this.currentUsers = currentUsers;
        this.crews = crews;
    }

    @PostMapping("/plans")
    ResponseEntity<Plan> plan(@Valid @RequestBody PlanRequest request) {
        CurrentUser user = user();
        Plan plan = crews.plan(user.organizationId(), user.userId(), request.goal(),
                request.goalSkillId() == null || request.goalSkillId().isBlank() ? null : request.goalSkillId());
        return ResponseEntity.created(URI.create("/api/coaching/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/plans")
    List<Plan> plans() {
        CurrentUser user = user();
        return crews.list(user.organizationId(), user.userId(), Kind.PLAN);
    }

    @GetMapping("/plans/{id}")
    Plan plan(@PathVariable UUID id) {
        CurrentUser user = user();
        return crews.find(user.organizationId(), user.userId(), Kind.PLAN, id)
                .orElseThrow(() -> Problems.notFound("Plan " + id));
    }

    @PostMapping("/reviews")
    ResponseEntity<Plan> review(@Valid @RequestBody ReviewRequest request) {
        CurrentUser user = user();
        Plan review = crews.review(user.organizationId(), user.userId(), request.submissionId());
        return ResponseEntity.created(URI.create("/api/coaching/reviews/" + review.id())).body(review);
    }

    @GetMapping("/reviews")
    List<Plan> reviews() {
        CurrentUser user = user();
        return crews.list(user.organizationId(), user.userId(), Kind.REVIEW);
    }

    @GetMapping("/reviews/{id}")
    Plan review(@PathVariable UUID id) {
        CurrentUser user = user();
        return crews.find(user.organizationId(), user.userId(), Kind.REVIEW, id)
                .orElseThrow(() -> Problems.notFound("Review " + id));
    }

    private CurrentUser user() {
        return CoachingSessionsController.caller(currentUsers, Scopes.COACH_CHAT);
    }
}
