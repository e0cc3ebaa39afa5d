package io.agentcoach.coaching;

import java.util.List;
import java.util.UUID;

/** Where the coach finds passages to ground an answer in: the knowledge module's search. */
public interface GroundingSource {

    /**
     * At most {@code limit} passages relevant to {@code query} that {@code organizationId} may see
     * (the public curriculum and that organization's documents), best first; empty when nothing matches.
     */
    List<CurriculumPassage> search(UUID organizationId, String query, int limit);
}
