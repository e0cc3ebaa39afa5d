package io.agentcoach.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of the current request, as other modules see it.
 *
 * @param userId the user
 * @param organizationId the organization (tenant) the request acts in
 * @param roles the caller's roles in that organization
 * @param scopes what the credential used (token or API key) allows
 */
public record CurrentUser(UUID userId, UUID organizationId, Set<Role> roles, Set<String> scopes) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.PLATFORM_ADMIN);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
