package io.agentcoach.identity.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;

/** The scopes a person's roles allow; a token carries all of them, an API key a chosen subset. */
public final class RoleScopes {

    private static final Set<String> LEARNER = Set.of(Scopes.PROFILE, Scopes.CONTENT_READ, Scopes.COACH_CHAT,
            Scopes.PRACTICE_SUBMIT);
    private static final Set<String> INSTRUCTOR = Set.of(Scopes.CONTENT_WRITE, Scopes.ANALYTICS_READ);
    // org admins also curate their organization's own material (documents, private lessons and exercises)
    private static final Set<String> ORG_ADMIN = Set.of(Scopes.ORG_ADMIN, Scopes.ANALYTICS_READ, Scopes.CONTENT_WRITE);

    private RoleScopes() {
    }

    public static Set<String> allowedFor(Collection<Role> roles) {
        Set<String> scopes = new LinkedHashSet<>(LEARNER);
        for (Role role : roles) {
            switch (role) {
                case LEARNER -> { }
                case INSTRUCTOR -> scopes.addAll(INSTRUCTOR);
                case ORG_ADMIN -> scopes.addAll(ORG_ADMIN);
                case PLATFORM_ADMIN -> {
                    scopes.addAll(INSTRUCTOR);
                    scopes.addAll(ORG_ADMIN);
                }
            }
        }
        return Set.copyOf(scopes);
    }

    /** Every scope the API knows. */
    public static Set<String> all() {
        return allowedFor(Set.of(Role.PLATFORM_ADMIN));
    }
}
