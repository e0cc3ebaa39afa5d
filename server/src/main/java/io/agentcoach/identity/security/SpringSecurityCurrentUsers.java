package io.agentcoach.identity.security;

import java.util.Optional;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the caller from Spring Security's context of the current request. */
@Component
class SpringSecurityCurrentUsers implements CurrentUsers {

    @Override
    public Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CurrentUserAuthentication a && a.isAuthenticated()
                ? Optional.of(a.user())
                : Optional.empty();
    }
}
