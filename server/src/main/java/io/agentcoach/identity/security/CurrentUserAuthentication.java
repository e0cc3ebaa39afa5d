package io.agentcoach.identity.security;

import java.util.ArrayList;
import java.util.List;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: the caller as other modules see it, and how they proved it (an access
 * token, an API key or a service client's token). Authorities are {@code ROLE_<role>} and
 * {@code SCOPE_<scope>}; the admin roles' authorities only when the credential was verified by a
 * second factor (see {@link CurrentUser}).
 */
public final class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final String credentialKind;

    public CurrentUserAuthentication(CurrentUser user, String credentialKind) {
        super(authorities(user));
        this.user = user;
        this.credentialKind = credentialKind;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : user.roles()) {
            if ((role == Role.ORG_ADMIN || role == Role.PLATFORM_ADMIN) && !user.secondFactor()) {
                continue;
            }
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        for (String scope : user.scopes()) {
            authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        return authorities;
    }

    public CurrentUser user() {
        return user;
    }

    /** {@code jwt}, {@code api-key} or {@code client}. */
    public String credentialKind() {
        return credentialKind;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.userId().toString();
    }
}
