package io.agentcoach.identity.account;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.identity.mfa.SecondFactors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the web app and CLI show it, and the password they change themselves. */
@RestController
class MeController {

    private static final String BEARER = "Bearer ";

    private final Accounts accounts;
    private final CurrentUsers users;
    private final PasswordChanges passwordChanges;

    MeController(Accounts accounts, CurrentUsers users, PasswordChanges passwordChanges) {
        this.accounts = accounts;
        this.users = users;
        this.passwordChanges = passwordChanges;
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

    record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
            @NotNull @Size(max = 200) String newPassword) {
    }

    /** Changes the caller's password and signs them out everywhere else; see {@link PasswordChanges}. */
    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        CurrentUser caller = users.require(Scopes.PROFILE);
        String accessToken = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        passwordChanges.change(caller, body.currentPassword(), body.newPassword(), accessToken);
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
