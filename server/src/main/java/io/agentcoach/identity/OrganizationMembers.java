package io.agentcoach.identity;

import java.util.List;
import java.util.UUID;

/**
 * The people of an organization as other modules may show them: who they are called and what
 * role they hold. No authorization check here: the calling module decides who may see them.
 */
public interface OrganizationMembers {

    /** The organization's active members, by display name. */
    List<Member> of(UUID organizationId);

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
