package io.agentcoach.mastery;

import java.util.List;
import java.util.UUID;

/**
 * Published when a learner's recommended activities changed, so clients can refresh.
 *
 * @param organizationId the tenant
 * @param userId the learner
 * @param activityIds the new path's activities, best first
 */
public record PathChanged(UUID organizationId, UUID userId, List<String> activityIds) {

    public PathChanged {
        activityIds = List.copyOf(activityIds);
    }
}
