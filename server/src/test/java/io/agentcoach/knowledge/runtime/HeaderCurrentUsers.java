package io.agentcoach.knowledge.runtime;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The caller of a test request, named by headers ({@code X-Test-Org}, {@code X-Test-Role}) in place
 * of identity's real sign-in.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HeaderCurrentUsers {

    public static final String ORG = "X-Test-Org";
    public static final String ROLE = "X-Test-Role";

    @Bean
    @Primary
    CurrentUsers headerCurrentUsers() {
        return () -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return Optional.empty();
            }
            String org = attributes.getRequest().getHeader(ORG);
            if (org == null) {
                return Optional.empty();
            }
            String role = attributes.getRequest().getHeader(ROLE);
            return Optional.of(new CurrentUser(UUID.randomUUID(), UUID.fromString(org),
                    Set.of(role == null ? Role.LEARNER : Role.valueOf(role)),
                    Set.of(Scopes.CONTENT_READ, Scopes.CONTENT_WRITE, Scopes.COACH_CHAT)));
        };
    }
}
