package io.agentcoach.practice;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A submission was graded (published once per submission, through the event publication registry).
 *
 * @param submissionId the submission
 * @param userId who submitted
 * @param organizationId the organization it was submitted in
 * @param exerciseId the exercise
 * @param skills the exercise's skills
 * @param passed whether every test passed
 * @param score passed tests out of all, 0 to 1
 * @param attemptNumber the learner's how-manieth submission to this exercise, from 1
 * @param duration from submission to verdict
 * @param gradedAt when the verdict was reached
 */
public record SubmissionGraded(UUID submissionId, UUID userId, UUID organizationId, String exerciseId,
        Set<String> skills, boolean passed, double score, int attemptNumber, Duration duration, Instant gradedAt) {

    public SubmissionGraded {
        skills = Set.copyOf(skills);
    }
}
