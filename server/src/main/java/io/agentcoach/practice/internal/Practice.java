package io.agentcoach.practice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.platform.Problems;
import io.agentcoach.practice.PracticeSettings;
import io.agentcoach.practice.internal.CurriculumExercises.PracticeExercise;
import io.agentcoach.practice.internal.PracticeRecords.Attempt;
import io.agentcoach.practice.internal.PracticeRecords.Submission;
import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.TestGrader;
import io.agentcoach.sandbox.TestSuite;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Attempts, drafts, runs against the public tests and idempotent submissions, for the calling user. */
@Service
public class Practice {

    private final PracticeStore store;
    private final CurriculumExercises exercises;
    private final TestGrader grader;
    private final CodeRunner runner;
    private final SubmissionGrader submissions;
    private final PracticeSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    Practice(PracticeStore store, CurriculumExercises exercises, TestGrader grader, CodeRunner runner,
            SubmissionGrader submissions, PracticeSettings settings) {
        this.store = store;
        this.exercises = exercises;
        this.grader = grader;
        this.runner = runner;
        this.submissions = submissions;
        this.settings = settings;
    }

    public record AttemptView(UUID id, String exerciseId, String draft, Instant startedAt, Instant updatedAt) {
    }

    public record SubmissionView(UUID id, UUID attemptId, String exerciseId, int attemptNumber, String status,
            Instant submittedAt, Instant gradedAt, Verdict verdict) {
    }

    /**
     * A learner's progress on one exercise.
     *
     * @param submissions how many they submitted
     * @param graded how many of those were graded
     * @param passed how many passed every test
     * @param bestScore the best score so far, null before the first verdict
     * @param solved whether any submission passed
     */
    public record ProgressView(String exerciseId, int submissions, int graded, int passed, Double bestScore,
            boolean solved) {
    }

    /** Solved out of all exercises of the shipped curriculum, per track and per lesson. */
    public record ProgressReport(List<TrackProgress> tracks) {
    }

    public record TrackProgress(String trackId, int exercisesSolved, int exercisesTotal, List<LessonProgress> lessons) {
    }

    public record LessonProgress(String lessonId, int exercisesSolved, int exercisesTotal) {
    }

    /** The caller's progress per track and lesson (exercise progress is {@link #progress(CurrentUser, String)}). */
    public ProgressReport progress(CurrentUser user) {
        Set<String> solved = store.solvedExercises(user.userId());
        return new ProgressReport(exercises.trackExercises().stream().map(track -> new TrackProgress(track.trackId(),
                count(track.exerciseIds(), solved), track.exerciseIds().size(), track.lessons().stream()
                        .map(l -> new LessonProgress(l.lessonId(), count(l.exerciseIds(), solved), l.exerciseIds().size()))
                        .toList()))
                .toList());
    }

    private static int count(List<String> exerciseIds, Set<String> solved) {
        return (int) exerciseIds.stream().filter(solved::contains).count();
    }

    public AttemptView start(CurrentUser user, String exerciseId) {
        PracticeExercise exercise = exercise(user, exerciseId);
        Instant now = Instant.now();
        Attempt attempt = new Attempt(UUID.randomUUID(), user.organizationId(), user.userId(), exercise.id(),
                exercise.starterCode(), now, now);
        store.insert(attempt);
        return view(attempt);
    }

    public AttemptView attempt(CurrentUser user, UUID attemptId) {
        return view(attemptOf(user, attemptId));
    }

    public AttemptView saveDraft(CurrentUser user, UUID attemptId, String code) {
        checkSize(code);
        attemptOf(user, attemptId);
        store.saveDraft(attemptId, user.userId(), code, Instant.now());
        return view(attemptOf(user, attemptId));
    }

    /** Runs the code against the exercise's public tests and waits for the verdict. */
    public Verdict run(CurrentUser user, UUID attemptId, String code) {
        checkSize(code);
        PracticeExercise exercise = exercise(user, attemptOf(user, attemptId).exerciseId());
        checkRuntime(exercise);
        return Verdict.of(grader.grade(new GradingRequest(code, Map.of(),
                List.of(new TestSuite("public", exercise.publicTests())), settings.testTimeout(),
                runner.defaultLimits())));
    }

    /**
     * Submits the code for grading against all tests, once per idempotency key: a retry with the same
     * key and body returns the first submission; the same key with another body is a 422.
     */
    public SubmissionView submit(CurrentUser user, UUID attemptId, String idempotencyKey, String code) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw Problems.badRequest("Send an Idempotency-Key header of 1 to 200 characters with each submission.");
        }
        String hash = hash(attemptId + "\n" + code);
        var existing = store.byKey(user.userId(), idempotencyKey);
        if (existing.isPresent()) {
            return replay(existing.get(), hash);
        }
        checkSize(code);
        Attempt attempt = attemptOf(user, attemptId);
        PracticeExercise exercise = exercise(user, attempt.exerciseId());
        checkRuntime(exercise);
        Submission submission = new Submission(UUID.randomUUID(), user.organizationId(), user.userId(),
                exercise.id(), attemptId, store.submissionCount(user.userId(), exercise.id()) + 1, idempotencyKey,
                hash, code, "queued", null, null, null, Instant.now(), null);
        try {
            store.insert(submission);
        } catch (DuplicateKeyException raced) {
            // a parallel retry won, or the key was used in another organization (whose rows are not visible here)
            return replay(store.byKey(user.userId(), idempotencyKey).orElseThrow(Practice::keyReused), hash);
        }
        submissions.enqueue(submission);
        return view(submission);
    }

    public SubmissionView submission(CurrentUser user, UUID submissionId) {
        return store.submission(submissionId, user.userId()).map(this::view)
                .orElseThrow(() -> Problems.notFound("Submission " + submissionId));
    }

    public List<SubmissionView> history(CurrentUser user, String exerciseId) {
        exercise(user, exerciseId);
        return store.history(user.userId(), exerciseId).stream().map(this::view).toList();
    }

    public ProgressView progress(CurrentUser user, String exerciseId) {
        exercise(user, exerciseId);
        return store.progress(user.userId(), exerciseId);
    }

    private SubmissionView replay(Submission first, String hash) {
        if (!first.requestHash().equals(hash)) {
            throw keyReused();
        }
        return view(first);
    }

    private static RuntimeException keyReused() {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Idempotency key reused",
                "This Idempotency-Key was already used for a different submission; use a new key.");
    }

    private PracticeExercise exercise(CurrentUser user, String exerciseId) {
        return exercises.find(exerciseId, user.organizationId())
                .orElseThrow(() -> Problems.notFound("Exercise " + exerciseId));
    }

    private Attempt attemptOf(CurrentUser user, UUID attemptId) {
        return store.attempt(attemptId, user.userId()).orElseThrow(() -> Problems.notFound("Attempt " + attemptId));
    }

    private void checkSize(String code) {
        long max = settings.maxCodeSize().toBytes();
        if (code == null) {
            throw Problems.badRequest("Send the code as {\"code\": \"...\"}.");
        }
        if (code.getBytes(StandardCharsets.UTF_8).length > max) {
            throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Code too large",
                    "The code is larger than " + max + " bytes.", Map.of("maxBytes", max));
        }
    }

    private void checkRuntime(PracticeExercise exercise) {
        if (runner.unavailableReason().isPresent()) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Sandbox unavailable",
                    "Code cannot be run on this server right now.");
        }
        if (!runner.runtimes().contains(exercise.runtime())) {
            throw Problems.badRequest("The language " + exercise.runtime() + " is not installed on this server.");
        }
    }

    private AttemptView view(Attempt a) {
        return new AttemptView(a.id(), a.exerciseId(), a.draft(), a.startedAt(), a.updatedAt());
    }

    private SubmissionView view(Submission s) {
        Verdict verdict = s.result() == null ? null : json.readValue(s.result(), Verdict.class);
        return new SubmissionView(s.id(), s.attemptId(), s.exerciseId(), s.attemptNumber(), s.status(),
                s.submittedAt(), s.gradedAt(), verdict);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
