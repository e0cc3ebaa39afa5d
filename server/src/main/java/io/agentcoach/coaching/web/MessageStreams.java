package io.agentcoach.coaching.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.agentcoach.coaching.Allowance;
import io.agentcoach.coaching.AnswerStop;
import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.Coach;
import io.agentcoach.coaching.CoachAnswer;
import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CoachToolCall;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.LearnerContext;
import io.agentcoach.coaching.session.CoachingSessions;
import io.agentcoach.coaching.session.CoachingSessions.Owner;
import io.agentcoach.coaching.session.CoachingSessions.Session;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.RateLimits;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Answers a learner's message in a session and streams it to a {@link Sink}: the same contract
 * over server-sent events and WebSocket ({@code token} events with {@code {"text": ...}}, then one
 * {@code answer} event). Checks (session, rate limit, one answer at a time) happen before anything
 * streams and throw problems; the answer runs on a virtual thread bound to the learner's
 * organization, because connections are bound to the tenant per thread. An answer stops early when
 * the learner asks ({@link #stop}) or its client went away: the provider's stream is cancelled, the
 * part streamed so far is stored marked as stopped, and its tokens are recorded.
 */
@Component
class MessageStreams {

    static final int MAX_MESSAGE_CHARS = 8_000;
    /** The rate limit policy of coach messages, shared by SSE and WebSocket and, with Redis, by all nodes. */
    static final String MESSAGES_POLICY = "coach-messages";

    record PostMessage(@NotBlank @Size(max = MAX_MESSAGE_CHARS) String message, @Valid LearnerContext context) {
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
            AllowanceView allowance, List<CoachToolCall> toolCalls, boolean stopped) {
    }

    /** Where one answer's events go. */
    interface Sink {

        /**
         * Sends one event; returns false once the client went away (the answer then stops, and what
         * was streamed is stored).
         */
        boolean send(String event, Object data);

        void complete();

        void fail(Throwable cause);
    }

    private final CoachingSessions sessions;
    private final Coach coach;
    private final Allowances allowances;
    private final RateLimits rateLimits;
    private final RateLimits.Quota messageQuota;
    /** The answer streaming in each session, by session id: one at a time. */
    private final Map<UUID, AnswerStop> answering = new ConcurrentHashMap<>();
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    MessageStreams(CoachingSessions sessions, Coach coach, Allowances allowances, CoachingSettings settings,
            RateLimits rateLimits) {
        this.sessions = sessions;
        this.coach = coach;
        this.allowances = allowances;
        this.rateLimits = rateLimits;
        this.messageQuota = RateLimits.Quota.perMinute(settings.messagesPerMinute());
    }

    @PreDestroy
    void stop() {
        streams.close();
    }

    AllowanceView allowance(CurrentUser user) {
        return AllowanceView.of(allowances.of(user.organizationId(), user.userId()));
    }

    /**
     * Stores the learner's message and starts answering it into {@code sink}.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for an unknown session, 429 past the
     *     rate limit, 409 while the session's previous answer is still streaming
     */
    void start(CurrentUser user, UUID sessionId, PostMessage request, Sink sink) {
        Owner owner = new Owner(user.organizationId(), user.userId());
        Session session = sessions.find(owner, sessionId)
                .orElseThrow(() -> Problems.notFound("Coaching session " + sessionId));
        RateLimits.Decision sent = rateLimits.take(MESSAGES_POLICY, user.userId().toString(), messageQuota);
        if (!sent.allowed()) {
            throw sent.refusal("Too many messages", "You can send more messages in " + sent.retryAfterSeconds() + " s.");
        }
        AnswerStop stop = new AnswerStop();
        if (answering.putIfAbsent(sessionId, stop) != null) {
            throw Problems.of(HttpStatus.CONFLICT, "conflict", "Still answering",
                    "The coach is still answering the previous message in this session; wait for it to finish.");
        }
        try {
            LearnerContext context = request.context() != null ? request.context()
                    : new LearnerContext(session.exerciseId(), List.of(), List.of());
            CoachQuestion question = new CoachQuestion(user.userId(), user.organizationId(), sessionId,
                    request.message().strip(), context, sessions.history(owner, sessionId));
            sessions.append(owner, sessionId, "learner", question.message(), null, null, false);
            streams.submit(() -> Tenants.runAs(owner.organizationId(), () -> stream(owner, question, sink, stop)));
        } catch (RuntimeException e) {
            answering.remove(sessionId);
            throw e;
        }
    }

    /**
     * Stops the answer streaming in the learner's session, if one is (a second stop, or one after
     * the answer ended, does nothing).
     *
     * @throws org.springframework.web.ErrorResponseException 404 for an unknown session
     */
    void stop(CurrentUser user, UUID sessionId) {
        sessions.find(new Owner(user.organizationId(), user.userId()), sessionId)
                .orElseThrow(() -> Problems.notFound("Coaching session " + sessionId));
        AnswerStop stop = answering.get(sessionId);
        if (stop != null) {
            stop.stop();
        }
    }

    private void stream(Owner owner, CoachQuestion question, Sink sink, AnswerStop stop) {
        AnswerEvent done;
        try {
            CoachAnswer answer = coach.answer(question, token -> {
                if (!sink.send("token", Map.of("text", token))) {
                    stop.stop();
                }
            }, stop);
            UUID messageId = sessions.append(owner, question.sessionId(), "coach", answer.text(), answer.model(),
                    answer.costUsd(), answer.stopped());
            sessions.recordToolCalls(owner, question.sessionId(), messageId, answer.toolCalls());
            done = new AnswerEvent(answer.model(), answer.routing().reason(), answer.routing().queryType().name(),
                    answer.inputTokens(), answer.outputTokens(), answer.costUsd(), answer.latency().toMillis(),
                    answer.budgetExhausted(), answer.citations(),
                    AllowanceView.of(allowances.of(owner.organizationId(), owner.userId())), answer.toolCalls(),
                    answer.stopped());
        } catch (RuntimeException e) {
            answering.remove(question.sessionId(), stop);
            sink.fail(e);
            return;
        }
        // the session takes the next message as soon as the answer is stored, before the stream closes
        answering.remove(question.sessionId(), stop);
        sink.send("answer", done);
        sink.complete();
    }
}
