package io.agentcoach.coaching.context;

import java.util.Optional;
import java.util.UUID;

/** Where a session's summary of its older turns is kept between questions. */
public interface ConversationSummaries {

    /** The stored summary of {@code sessionId}, if one was written. */
    Optional<Summary> find(UUID organizationId, UUID sessionId);

    /** Replaces the session's summary; {@code through} is the position of the last turn it covers. */
    void save(UUID organizationId, UUID sessionId, String text, int through);

    /**
     * @param text the summary
     * @param through the position of the last turn it covers
     */
    record Summary(String text, int through) {
    }
}
