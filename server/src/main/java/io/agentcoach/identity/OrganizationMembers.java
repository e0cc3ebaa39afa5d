package io.agentcoach.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people of an organization as other modules may show them: who they are called and what
 * role they hold, never their email addresses. No authorization check here: the calling module
 * decides who may see them.
 */
public interface OrganizationMembers {

    /** The organization's active members, by display name. */
    List<Member> of(UUID organizationId);

    /**
     * The display names of those of {@code userIds} who are (or were) members of {@code organizationId},
     * by user id, for reports that name people after the fact; ids of non-members are left out.
     */
    Map<UUID, String> displayNames(UUID organizationId, Collection<UUID> userIds);

    /**
     * One member.
     *
     * @param userId the person
     * @param displayName the name they chose
     * @param role their role in the organization
     */
    record Member(UUID userId, String displayName, Role role) {
    }
}
