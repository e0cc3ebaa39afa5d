package io.agentcoach.identity.account;

import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.security.AccessTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Self sign-up and password login (with a second-factor code when the person has one); both answer with a bearer access token. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Accounts accounts;
    private final AccessTokens tokens;

    AuthController(Accounts accounts, AccessTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse signUp(@Valid @RequestBody SignUp request) {
        return token(accounts.signUp(request.email(), request.password(), request.displayName()));
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody Login request) {
        return token(accounts.login(request.email(), request.password(), request.organizationId(), request.mfaCode()));
    }

    private TokenResponse token(CurrentUser user) {
        AccessTokens.Issued issued = tokens.issue(user);
        return new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds(), user.userId(),
                user.organizationId());
    }

    record SignUp(@NotBlank @Size(max = EmailAddresses.MAX_LENGTH) String email,
            @NotNull @Size(max = 200) String password,
            @NotBlank @Size(max = 200) String displayName) {
    }

    record Login(@NotBlank @Size(max = EmailAddresses.MAX_LENGTH) String email,
            @NotNull @Size(max = 200) String password,
            UUID organizationId,
            @Size(max = 20) String mfaCode) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID userId, UUID organizationId) {
    }
}
