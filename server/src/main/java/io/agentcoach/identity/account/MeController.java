package io.agentcoach.identity.account;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
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
        return new Me(caller.userId(), profile.email(), profile.displayName(), caller.organizationId(),
                caller.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList(),
                caller.scopes().stream().sorted().toList());
    }

    record Me(UUID userId, String email, String displayName, UUID organizationId, List<String> roles,
            List<String> scopes) {
    }
}
