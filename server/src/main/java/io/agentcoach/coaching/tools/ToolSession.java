package io.agentcoach.coaching.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.agentcoach.coaching.CoachToolCall;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.guardrails.GuardContext;
import io.agentcoach.platform.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;

/**
 * The tool calls of one answer and their bounds: at most {@code maxCallsPerAnswer} calls, each
 * stopped after {@code callTimeout}, all of them within {@code totalTime}. Each call runs on its own
 * virtual thread bound to the learner's organization, and is logged (and kept for the answer's record)
 * whatever its outcome. Not thread-safe: one answer calls its tools one after the other.
 */
public final class ToolSession {

    private static final Logger log = LoggerFactory.getLogger(ToolSession.class);

    private final UUID organizationId;
    private final UUID userId;
    private final String exerciseId;
    private final GuardContext guard;
    private final List<CurriculumPassage> cited;
    private final CoachingSettings.Tools bounds;
    private final ExecutorService threads;
    private final long deadline;
    private final List<CoachToolCall> calls = new ArrayList<>();

    ToolSession(UUID organizationId, UUID userId, String exerciseId, GuardContext guard,
            List<CurriculumPassage> cited, CoachingSettings.Tools bounds, ExecutorService threads) {
        this.organizationId = organizationId;
        this.userId = userId;
        this.exerciseId = exerciseId == null ? "" : exerciseId;
        this.guard = guard;
        this.cited = cited;
        this.bounds = bounds;
        this.threads = threads;
        this.deadline = System.nanoTime() + bounds.totalTime().toNanos();
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID userId() {
        return userId;
    }

    /** The exercise the conversation is about, or "". */
    public String exerciseId() {
        return exerciseId;
    }

    GuardContext guard() {
        return guard;
    }

    /** The passages the answer may cite, in citation order; search results are appended. */
    List<CurriculumPassage> cited() {
        return cited;
    }

    /** Whether another call would break the answer's bounds (count or total time). */
    public boolean exhausted() {
        return calls.size() >= bounds.maxCallsPerAnswer() || System.nanoTime() >= deadline;
    }

    /** The calls made so far, in order. */
    public List<CoachToolCall> calls() {
        return List.copyOf(calls);
    }

    /**
     * Runs {@code work} as the tool {@code tool} within the bounds and logs it. Returns what the
     * model (or the offline coach) is told: the tool's text, or why there is none.
     */
    String invoke(String tool, String arguments, Supplier<String> work) {
        long start = System.nanoTime();
        if (exhausted()) {
            String refusal = "Tool budget for this answer used up (" + bounds.maxCallsPerAnswer() + " calls, "
                    + bounds.totalTime().toSeconds() + " s); answer with what you have.";
            record(tool, arguments, "refused", refusal, start);
            return refusal;
        }
        long remaining = Math.min(bounds.callTimeout().toNanos(), deadline - System.nanoTime());
        Future<String> running = threads.submit(() -> Tenants.callAs(organizationId, work));
        try {
            String result = running.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
            record(tool, arguments, "ok", result, start);
            return result;
        } catch (TimeoutException slow) {
            running.cancel(true);
            String text = "The tool " + tool + " did not finish in time; answer without it.";
            record(tool, arguments, "timeout", text, start);
            return text;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            record(tool, arguments, "error", "interrupted", start);
            return "The tool " + tool + " was interrupted.";
        } catch (ExecutionException failed) {
            String text = "The tool " + tool + " failed: " + describe(failed.getCause());
            record(tool, arguments, "error", text, start);
            return text;
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ErrorResponseException problem && problem.getBody().getDetail() != null) {
            return problem.getBody().getDetail();
        }
        return failure.getClass().getSimpleName();
    }

    private void record(String tool, String arguments, String outcome, String result, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        calls.add(new CoachToolCall(tool, arguments, outcome, result, millis));
        log.info("coach tool call: tool={} outcome={} durationMs={} organization={} user={}", tool, outcome, millis,
                organizationId, userId);
    }
}
