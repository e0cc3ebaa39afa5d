package io.agentcoach.identity.account;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.security.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self sign-up and password login (with a second-factor code when the person has one), both
 * answering with a bearer access token; password reset by mailed link.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final PasswordResets resets;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AuthController(Accounts accounts, AccessTokens tokens, PasswordResets resets) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.resets = resets;
    }

    /**
     * Creates the account and answers with a token; also signs the browser's session in, so the
     * web app can go straight on to {@code /oauth2/authorize} without the password page. (A
     * cross-site page cannot do this to a visitor: a JSON body needs a CORS preflight, which is
     * not granted.)
     */
    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse signUp(@Valid @RequestBody SignUp request, HttpServletRequest http, HttpServletResponse response) {
        CurrentUser user = accounts.signUp(request.email(), request.password(), request.displayName());
        signInSession(user, http, response);
        return token(user);
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestPasswordReset(@Valid @RequestBody ResetRequest request) {
        resets.request(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody ResetConfirmation request) {
        resets.confirm(request.token(), request.newPassword());
    }

    /** The session the authorization server's sign-in would have made: the person, by password. */
    private void signInSession(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.userId().toString(), null,
                List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))));
        sessions.saveContext(context, request, response);
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

    record ResetRequest(@NotBlank @Size(max = EmailAddresses.MAX_LENGTH) String email) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 100) String token, @NotNull @Size(max = 200) String newPassword) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID userId, UUID organizationId) {
    }
}
