package io.agentcoach.practice.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.agentcoach.platform.Tenants;
import io.agentcoach.practice.PracticeSettings;
import io.agentcoach.practice.SubmissionGraded;
import io.agentcoach.practice.internal.CurriculumExercises.PracticeExercise;
import io.agentcoach.practice.internal.PracticeRecords.Submission;
import io.agentcoach.practice.internal.PracticeStore.Pending;
import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.GradeReport;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.TestGrader;
import io.agentcoach.sandbox.TestSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades submissions in the background. A submission is claimed in the database before grading,
 * so each is graded once even with many nodes; one whose grader died (a crash, a restart) is
 * claimed again after {@code regrade-after}, and queued ones left by a crash are picked up by the
 * sweep that runs at start-up and every few seconds. The sweep looks across organizations
 * ({@link Tenants#callAsSystem}); each submission is then graded bound to its own organization, so
 * row-level security never hides it from its grader.
 */
@Component
class SubmissionGrader {

    private static final Logger log = LoggerFactory.getLogger(SubmissionGrader.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

    private final PracticeStore store;
    private final CurriculumExercises exercises;
    private final TestGrader grader;
    private final CodeRunner runner;
    private final PracticeSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SubmissionUpdates updates;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Thread sweeper;

    SubmissionGrader(PracticeStore store, CurriculumExercises exercises, TestGrader grader, CodeRunner runner,
            PracticeSettings settings, ApplicationEventPublisher events, TransactionTemplate transactions,
            SubmissionUpdates updates) {
        this.updates = updates;
        this.store = store;
        this.exercises = exercises;
        this.grader = grader;
        this.runner = runner;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /**
     * Grades a just-stored submission at once, on another thread: no polling delay. The stored row
     * is what makes it durable; if this node dies first, the sweep grades it.
     */
    void enqueue(Submission submission) {
        workers.execute(() -> Tenants.runAs(submission.organizationId(), () -> grade(submission.id(), submission)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        sweeper = Thread.ofVirtual().name("practice-grading-sweep").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    sweep();
                    Thread.sleep(SWEEP_EVERY);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Grading sweep failed; retrying", e);
                }
            }
        });
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        Thread running = sweeper;
        if (running != null) {
            running.interrupt();
        }
        workers.shutdownNow();
    }

    /** Grades every submission that waits for a grader; returns how many it claimed. */
    int sweep() {
        if (runner.unavailableReason().isPresent()) {
            return 0;
        }
        Instant staleBefore = clock.instant().minus(settings.regradeAfter());
        List<Pending> pending = Tenants.callAsSystem(() -> store.pending(staleBefore, 100));
        pending.forEach(p -> Tenants.runAs(p.organizationId(), () -> grade(p.id())));
        return pending.size();
    }

    /** Grades one submission; the thread must be bound to the submission's organization. */
    void grade(UUID id) {
        grade(id, null);
    }

    /** As {@link #grade(UUID)}; {@code known} is the row as just inserted (saves reading it back), or null. */
    private void grade(UUID id, Submission known) {
        Instant now = clock.instant();
        if (!store.claim(id, now, now.minus(settings.regradeAfter()))) {
            return;
        }
        updates.status(id, "running");
        Submission submission = known != null ? known : store.submission(id).orElseThrow();
        PracticeExercise exercise = exercises.find(submission.exerciseId(), submission.organizationId()).orElse(null);
        if (exercise == null) {
            log.warn("Submission {} is for exercise {}, which no longer exists; marked failed", id,
                    submission.exerciseId());
            store.fail(id, clock.instant());
            updates.finished(id);
            return;
        }
        GradeReport report;
        try {
            report = grader.grade(new GradingRequest(submission.code(), Map.of(),
                    List.of(new TestSuite("public", exercise.publicTests()), new TestSuite("hidden", exercise.hiddenTests())),
                    settings.testTimeout(), runner.defaultLimits()), test -> updates.test(id, Verdict.Test.of(test)));
        } catch (ErrorResponseException busyOrDown) {
            // the sandbox is full or down: leave it queued for the next sweep
            store.release(id);
            updates.status(id, "queued");
            return;
        } catch (RuntimeException e) {
            store.release(id);
            throw e;
        }
        Verdict verdict = Verdict.of(report);
        Instant graded = clock.instant();
        transactions.executeWithoutResult(tx -> {
            if (store.complete(id, verdict.passed(), verdict.score(), json.writeValueAsString(verdict), graded)) {
                events.publishEvent(new SubmissionGraded(id, submission.userId(), submission.organizationId(),
                        submission.exerciseId(), exercise.skills(), verdict.passed(), verdict.score(),
                        submission.attemptNumber(), Duration.between(submission.submittedAt(), graded), graded));
            }
        });
        // committed: watchers now read the outcome from the row
        updates.finished(id);
    }
}
