package io.agentcoach.coaching.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.agentcoach.coaching.Allowance;
import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.Coach;
import io.agentcoach.coaching.CoachAnswer;
import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.LearnerContext;
import io.agentcoach.coaching.session.CoachingSessions;
import io.agentcoach.coaching.session.CoachingSessions.Owner;
import io.agentcoach.coaching.session.CoachingSessions.Session;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Coaching sessions over HTTP: open, list, read, rename and delete them; post a message and
 * receive the answer as server-sent events ({@code token} events, then one {@code answer} event).
 */
@RestController
@RequestMapping("/api/coaching")
class CoachingSessionsController {

    static final int MAX_MESSAGE_CHARS = 8_000;

    record OpenSession(@Size(max = 200) String title, @Size(max = 200) String lessonId,
            @Size(max = 200) String exerciseId) {
    }

    record Rename(@NotBlank @Size(max = 200) String title) {
    }

    record PostMessage(@NotBlank @Size(max = MAX_MESSAGE_CHARS) String message, @Valid LearnerContext context) {
    }

    record SessionView(Session session, List<CoachingSessions.Message> messages) {
    }

    record AllowanceView(BigDecimal remainingUsd, BigDecimal organizationMonthlyBudgetUsd,
            BigDecimal organizationMonthlySpentUsd, BigDecimal learnerDailyAllowanceUsd,
            BigDecimal learnerDailySpentUsd, boolean offlineFallback) {

        static AllowanceView of(Allowance a) {
            return new AllowanceView(a.remaining(), a.organizationMonthlyBudget(), a.organizationMonthlySpent(),
                    a.learnerDailyAllowance(), a.learnerDailySpent(), a.offlineFallback());
        }
    }

    record AnswerEvent(String model, String routingReason, String queryType, int inputTokens, int outputTokens,
            BigDecimal costUsd, long latencyMillis, boolean budgetExhausted, List<CurriculumPassage> citations,
            AllowanceView allowance) {
    }

    private final ObjectProvider<CurrentUsers> currentUsers;
    private final CoachingSessions sessions;
    private final Coach coach;
    private final Allowances allowances;
    private final MessageRateLimiter rateLimiter;
    private final Set<UUID> answering = ConcurrentHashMap.newKeySet();
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    CoachingSessionsController(ObjectProvider<CurrentUsers> currentUsers, CoachingSessions sessions, Coach coach,
            Allowances allowances, CoachingSettings settings) {
        this.currentUsers = currentUsers;
        this.sessions = sessions;
        this.coach = coach;
        this.allowances = allowances;
        this.rateLimiter = new MessageRateLimiter(settings.messagesPerMinute(), Clock.systemUTC());
    }

    @PreDestroy
    void stop() {
        streams.close();
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session open(@Valid @RequestBody OpenSession request) {
        String title = request.title() == null || request.title().isBlank() ? "New session" : request.title().strip();
        return sessions.open(owner(), title, request.lessonId(), request.exerciseId());
    }

    @GetMapping("/sessions")
    List<Session> list() {
        return sessions.list(owner());
    }

    @GetMapping("/sessions/{id}")
    SessionView read(@PathVariable UUID id) {
        Owner owner = owner();
        Session session = sessions.find(owner, id).orElseThrow(() -> Problems.notFound("Coaching session " + id));
        return new SessionView(session, sessions.messages(owner, id));
    }

    @PatchMapping("/sessions/{id}")
    Session rename(@PathVariable UUID id, @Valid @RequestBody Rename request) {
        Owner owner = owner();
        if (!sessions.rename(owner, id, request.title().strip())) {
            throw Problems.notFound("Coaching session " + id);
        }
        return sessions.find(owner, id).orElseThrow();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!sessions.delete(owner(), id)) {
            throw Problems.notFound("Coaching session " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/allowance")
    AllowanceView allowance() {
        CurrentUser user = user();
        return AllowanceView.of(allowances.of(user.organizationId(), user.userId()));
    }

    @PostMapping(path = "/sessions/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter post(@PathVariable UUID id, @Valid @RequestBody PostMessage request) {
        CurrentUser user = user();
        Owner owner = new Owner(user.organizationId(), user.userId());
        Session session = sessions.find(owner, id).orElseThrow(() -> Problems.notFound("Coaching session " + id));
        Duration wait = rateLimiter.tryAcquire(user.userId());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many messages",
                    "You can send more messages in " + seconds + " s.", Map.of("retryAfterSeconds", seconds));
            problem.getHeaders().set("Retry-After", Long.toString(seconds));
            throw problem;
        }
        if (!answering.add(id)) {
            throw Problems.of(HttpStatus.CONFLICT, "conflict", "Still answering",
                    "The coach is still answering the previous message in this session; wait for it to finish.");
        }
        LearnerContext context = request.context() != null ? request.context()
                : new LearnerContext(session.exerciseId(), List.of(), List.of());
        CoachQuestion question = new CoachQuestion(user.userId(), user.organizationId(), id, request.message().strip(),
                context, sessions.history(owner, id));
        sessions.append(owner, id, "learner", question.message(), null, null);
        SseEmitter emitter = new SseEmitter(0L);
        // connections are bound to the tenant per thread: bind it on the stream's own thread
        streams.submit(() -> Tenants.runAs(owner.organizationId(), () -> stream(owner, question, emitter)));
        return emitter;
    }

    private void stream(Owner owner, CoachQuestion question, SseEmitter emitter) {
        AnswerEvent done;
        try {
            CoachAnswer answer = coach.answer(question, token -> send(emitter, "token", Map.of("text", token)));
            sessions.append(owner, question.sessionId(), "coach", answer.text(), answer.model(), answer.costUsd());
            done = new AnswerEvent(answer.model(), answer.routing().reason(), answer.routing().queryType().name(),
                    answer.inputTokens(), answer.outputTokens(), answer.costUsd(), answer.latency().toMillis(),
                    answer.budgetExhausted(), answer.citations(),
                    AllowanceView.of(allowances.of(owner.organizationId(), owner.userId())));
        } catch (RuntimeException e) {
            answering.remove(question.sessionId());
            emitter.completeWithError(e);
            return;
        }
        // the session takes the next message as soon as the answer is stored, before the stream closes
        answering.remove(question.sessionId());
        send(emitter, "answer", done);
        emitter.complete();
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException clientGone) {
            // the client disconnected; the answer is still completed and stored
        }
    }

    private Owner owner() {
        CurrentUser user = user();
        return new Owner(user.organizationId(), user.userId());
    }

    private CurrentUser user() {
        return caller(currentUsers, Scopes.COACH_CHAT);
    }

    /** The caller holding {@code scope}; 401 also while no identity implementation is present. */
    static CurrentUser caller(ObjectProvider<CurrentUsers> currentUsers, String scope) {
        CurrentUsers users = currentUsers.getIfAvailable();
        if (users == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "Sign in or send a valid bearer token or API key.");
        }
        return users.require(scope);
    }
}
