package io.agentcoach.coaching.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.agentcoach.coaching.crew.CoachingPlans.Kind;
import io.agentcoach.coaching.crew.CrewProgress;
import io.agentcoach.coaching.crew.CoachingPlans.Plan;
import io.agentcoach.coaching.crew.Crews;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Learning plans and code reviews written by the coach and mentor agents: a learner asks for one,
 * then lists and reads their own (anyone else's is "not found"). Writing one calls models, so it
 * can take as long as two answers: a client that asks for {@code text/event-stream} follows the
 * crew as it works ({@code agent}, {@code draft}, {@code agent}, {@code review} events, then the
 * stored document as {@code done}).
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
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();

    CoachingPlansController(ObjectProvider<CurrentUsers> currentUsers, Crews crews) {
        this.currentUsers = currentUsers;
        this.crews = crews;
    }

    @PreDestroy
    void stop() {
        runs.close();
    }

    /** A plan written while the client follows the crew (inputs checked before the stream opens). */
    @PostMapping(path = "/plans", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter planStreamed(@Valid @RequestBody PlanRequest request) {
        CurrentUser user = user();
        return follow(user, crews.preparePlan(user.organizationId(), user.userId(), request.goal(),
                request.goalSkillId() == null || request.goalSkillId().isBlank() ? null : request.goalSkillId()));
    }

    /** A review written while the client follows the crew. */
    @PostMapping(path = "/reviews", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter reviewStreamed(@Valid @RequestBody ReviewRequest request) {
        CurrentUser user = user();
        return follow(user, crews.prepareReview(user.organizationId(), user.userId(),
                request.submissionId()));
    }

    /**
     * Runs the crew on its own thread bound to the learner's organization, sending first
     * {@code accepted} {@code {"id"}}, the id the document will be stored under, then {@code agent}
     * {@code {"agent", "offline"}}, {@code draft} and {@code review} {@code {"text"}} events as it
     * works and the stored document last, as event {@code done}; a client that goes away does not
     * stop it (the document is stored all the same, and can be read by that id).
     */
    private SseEmitter follow(CurrentUser user, Crews.Prepared crew) {
        SseEmitter emitter = new SseEmitter(0L);
        send(emitter, "accepted", Map.of("id", crew.id()));
        runs.submit(() -> Tenants.runAs(user.organizationId(), () -> {
            try {
                Plan written = crew.run(new CrewProgress() {
                    @Override
                    public void working(String agent, boolean offline) {
                        send(emitter, "agent", Map.of("agent", agent, "offline", offline));
                    }

                    @Override
                    public void drafted(String text) {
                        send(emitter, "draft", Map.of("text", text));
                    }

                    @Override
                    public void reviewed(String text) {
                        send(emitter, "review", Map.of("text", text));
                    }
                });
                send(emitter, "done", written);
                emitter.complete();
            } catch (RuntimeException failed) {
                emitter.completeWithError(failed);
            }
        }));
        return emitter;
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException clientGone) {
            // the client went away; the crew finishes and stores its document
        }
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
