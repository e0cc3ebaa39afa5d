package io.agentcoach.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Who the members of an organization are, for other modules' reports (names only, never emails or roles). */
public interface MemberDirectory {

    /**
     * The display names of those of {@code userIds} who are (or were) members of {@code organizationId},
     * by user id; ids of non-members are left out.
     */
    Map<UUID, String> displayNames(UUID organizationId, Collection<UUID> userIds);
}
