package io.agentcoach.practice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only queries over a learner's work for other modules (the coach reads it to help): the
 * latest code on an exercise and the latest grading result. Hidden tests show only their name and
 * whether they passed, never their assertion message. Callers bind the organization's tenant.
 */
public interface Attempts {

    /**
     * The learner's latest work on {@code exerciseId}: the newer of their latest saved draft and their
     * latest submission, with the latest graded result; empty when they never started the exercise.
     */
    Optional<LatestWork> latestFor(UUID organizationId, UUID userId, String exerciseId);

    /** One of the learner's own submissions with its result (null until graded); empty for anyone else's. */
    Optional<SubmittedWork> submission(UUID organizationId, UUID userId, UUID submissionId);

    /**
     * @param exerciseId the exercise
     * @param code the latest code (draft or submitted, whichever is newer)
     * @param codeSavedAt when that code was saved or submitted
     * @param fromSubmission whether that code is a submission (else a draft)
     * @param latestResult the latest graded submission's result, or null when none was graded
     */
    record LatestWork(String exerciseId, String code, Instant codeSavedAt, boolean fromSubmission,
            GradedResult latestResult) {
    }

    /**
     * @param submissionId the submission
     * @param exerciseId its exercise
     * @param code the submitted code
     * @param status queued, grading or graded
     * @param submittedAt when it was submitted
     * @param result its result once graded, else null
     */
    record SubmittedWork(UUID submissionId, String exerciseId, String code, String status, Instant submittedAt,
            GradedResult result) {
    }

    /**
     * @param submissionId the graded submission
     * @param passed whether every test passed
     * @param score passed tests out of all
     * @param tests each test's outcome
     * @param stderr what the code wrote to stderr (truncated by the sandbox)
     * @param gradedAt when it was graded
     */
    record GradedResult(UUID submissionId, boolean passed, double score, List<TestOutcome> tests, String stderr,
            Instant gradedAt) {

        public GradedResult {
            tests = List.copyOf(tests);
        }
    }

    /**
     * @param suite public or hidden
     * @param name the test
     * @param passed whether it passed
     * @param message why it failed (for hidden tests only "a hidden test failed"); null when it passed
     */
    record TestOutcome(String suite, String name, boolean passed, String message) {
    }
}
