package io.agentcoach.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.security.RoleScopes;
import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The authenticated caller of the current request, as other modules see it.
 *
 * <p>Admin rights need a second factor. A right the caller holds only through
 * {@link Role#ORG_ADMIN} or {@link Role#PLATFORM_ADMIN} (the role itself, a role a platform admin
 * spans, or a scope only an admin role gives) counts only when the credential was verified by a
 * second factor: asking {@link #has(Role)} or {@link #hasScope(String)} for such a right on an
 * unverified credential fails the request with 403 {@code /problems/mfa-required}. This is the one
 * place the rule lives, so every module's admin check enforces it.
 *
 * @param userId the user (for a service client: the client's id)
 * @param organizationId the organization (tenant) the request acts in
 * @param roles the caller's roles in that organization
 * @param scopes what the credential used (token or API key) allows
 * @param secondFactor whether the credential was issued after a second factor (TOTP or recovery
 *        code), or is a service client's, which stands for no person
 */
public record CurrentUser(UUID userId, UUID organizationId, Set<Role> roles, Set<String> scopes,
        boolean secondFactor) {

    private static final Set<Role> ADMIN_ROLES = EnumSet.of(Role.ORG_ADMIN, Role.PLATFORM_ADMIN);

    public CurrentUser {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** A caller whose credential was not verified by a second factor. */
    public CurrentUser(UUID userId, UUID organizationId, Set<Role> roles, Set<String> scopes) {
        this(userId, organizationId, roles, scopes, false);
    }

    /** This caller, with the credential verified by a second factor or not. */
    public CurrentUser withSecondFactor(boolean verified) {
        return new CurrentUser(userId, organizationId, roles, scopes, verified);
    }

    /** Whether the caller holds {@code role} (a platform admin holds every role); see the class comment. */
    public boolean has(Role role) {
        if (roles.contains(role) && !ADMIN_ROLES.contains(role)) {
            return true;
        }
        boolean held = roles.contains(role) || roles.contains(Role.PLATFORM_ADMIN);
        if (held && !secondFactor) {
            throw mfaRequired();
        }
        return held;
    }

    /** Whether the credential carries {@code scope}; see the class comment. */
    public boolean hasScope(String scope) {
        if (!scopes.contains(scope)) {
            return false;
        }
        if (secondFactor || RoleScopes.allowedFor(nonAdminRoles()).contains(scope)) {
            return true;
        }
        throw mfaRequired();
    }

    /** Whether the caller holds an admin role here, which needs a second factor to be used. */
    public boolean holdsAdminRole() {
        return roles.stream().anyMatch(ADMIN_ROLES::contains);
    }

    private Set<Role> nonAdminRoles() {
        Set<Role> plain = EnumSet.noneOf(Role.class);
        roles.stream().filter(r -> !ADMIN_ROLES.contains(r)).forEach(plain::add);
        return plain;
    }

    /** 403 {@code /problems/mfa-required}: an admin right used without a verified second factor. */
    public static ErrorResponseException mfaRequired() {
        return Problems.of(HttpStatus.FORBIDDEN, "mfa-required", "Second factor required",
                "Admin actions need two-step sign-in. Set up an authenticator app (POST /api/me/mfa/totp, then "
                        + "POST /api/me/mfa/totp/confirm) if you have not yet, then sign in again with a code.");
    }
}
