package io.agentcoach.coaching;

import java.util.Optional;
import java.util.UUID;

/**
 * The reference solution of an exercise, so the coach can withhold answers that copy it. The
 * coaching module reads it from the content module's grading bundle (organization-private
 * exercises included).
 */
public interface ReferenceSolutions {

    /** The reference solution of {@code exerciseId} as {@code organizationId} sees it; empty when there is none. */
    Optional<String> reference(UUID organizationId, String exerciseId);
}
