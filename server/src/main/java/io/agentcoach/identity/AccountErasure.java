package io.agentcoach.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A person is deleting their account: what {@link PersonalDataContributor#erase} erases.
 *
 * @param userId the person
 * @param deletedOrganizationIds organizations deleted with them (those they were the only active
 *        member of, such as their personal organization): every row of these goes
 */
public record AccountErasure(UUID userId, Set<UUID> deletedOrganizationIds) {

    /**
     * Stands in for the person in rows that are kept but must name someone (an organization's
     * exercise last changed by them, a model call that counts against the organization's budget).
     */
    public static final UUID ERASED_USER = new UUID(0, 0);

    public AccountErasure {
        deletedOrganizationIds = Set.copyOf(deletedOrganizationIds);
    }
}
