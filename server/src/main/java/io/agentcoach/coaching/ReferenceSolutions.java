package io.agentcoach.coaching;

import java.util.Optional;
import java.util.UUID;

/**
 * The reference solution of an exercise and whether a learner has solved it, so the coach can
 * withhold answers that copy the solution while it is unsolved. The coaching module reads the
 * solution from the content module's grading bundle (organization-private exercises included) and
 * follows practice's graded submissions.
 */
public interface ReferenceSolutions {

    /** The reference solution of {@code exerciseId} as {@code organizationId} sees it; empty when there is none. */
    Optional<String> reference(UUID organizationId, String exerciseId);

    /** Whether {@code userId} has passed every test of {@code exerciseId} in {@code organizationId}. */
    boolean solved(UUID organizationId, UUID userId, String exerciseId);
}
