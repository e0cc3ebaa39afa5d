package io.agentcoach.practice.internal;

import java.time.Instant;
import java.util.UUID;

/** Rows of practice's tables. */
final class PracticeRecords {

    private PracticeRecords() {
    }

    record Attempt(UUID id, UUID organizationId, UUID userId, String exerciseId, String draft, Instant startedAt,
            Instant updatedAt) {
    }

    record Submission(UUID id, UUID organizationId, UUID userId, String exerciseId, UUID attemptId,
            int attemptNumber, String idempotencyKey, String requestHash, String code, String status,
            Boolean passed, Double score, String result, Instant submittedAt, Instant gradedAt) {
    }
}
