package io.agentcoach.identity.account;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.mfa.SecondFactors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the web app and CLI show it. */
@RestController
class MeController {

    private final Accounts accounts;
    private final CurrentUsers users;

    MeController(Accounts accounts, CurrentUsers users) {
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping("/api/me")
    Me me() {
        CurrentUser caller = users.require();
        Accounts.Profile profile = accounts.profile(caller.userId())
                .orElseThrow(() -> io.agentcoach.platform.Problems.notFound("User " + caller.userId()));
        SecondFactors.Status mfa = profile.mfa();
        return new Me(caller.userId(), profile.email(), profile.displayName(), caller.organizationId(),
                caller.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList(),
                caller.scopes().stream().sorted().toList(),
                new Mfa(mfa.enabled(), mfa.required(), caller.secondFactor()));
    }

    record Me(UUID userId, String email, String displayName, UUID organizationId, List<String> roles,
            List<String> scopes, Mfa mfa) {
    }

    /**
     * @param enabled the person has a confirmed authenticator
     * @param required the person holds an admin role (org admin anywhere, or platform admin), whose
     *        rights need a verified sign-in
     * @param verified this credential was issued after a second factor
     */
    record Mfa(boolean enabled, boolean required, boolean verified) {
    }
}
