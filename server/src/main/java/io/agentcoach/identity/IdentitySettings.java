package io.agentcoach.identity;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity module ({@code agentcoach.identity.*}).
 *
 * @param issuer the public base URL of this server, the {@code iss} of its tokens and of its OIDC
 *        discovery document; empty to derive it from each request (fine behind one host name)
 * @param accessTokenTtl how long an access token is valid
 * @param signingKeyMaxAge after this age a new signing key is generated and used for new tokens;
 *        older keys keep verifying until the tokens they signed have expired
 * @param login password login throttling
 * @param refreshTokenTtl how long a refresh token of the authorization server is valid; each use
 *        replaces it with a new one
 * @param webRedirectUris where the web app receives authorization codes
 * @param cliRedirectUri where the CLI receives authorization codes (a loopback address; any port)
 * @param mfaKey base64 of 32 random bytes that encrypt TOTP secrets and key the recovery-code
 *        hashes; empty to use a key generated once and kept in the database
 */
@Validated
@ConfigurationProperties("agentcoach.identity")
public record IdentitySettings(
        @NotNull @DefaultValue("") String issuer,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("30d") Duration signingKeyMaxAge,
        @Valid @NotNull @DefaultValue Login login,
        @NotNull @DefaultValue("30d") Duration refreshTokenTtl,
        @NotEmpty @DefaultValue("http://localhost:8080/auth/callback") List<@NotBlank String> webRedirectUris,
        @NotBlank @DefaultValue("http://127.0.0.1/callback") String cliRedirectUri,
        @NotNull @Pattern(regexp = "|[A-Za-z0-9+/]{43}=", message = "must be empty or base64 of 32 bytes")
        @DefaultValue("") String mfaKey) {

    /**
     * @param maxFailures consecutive failed logins after which the account is locked
     * @param lockout how long a locked account refuses password logins
     */
    public record Login(
            @Min(1) @Max(100) @DefaultValue("5") int maxFailures,
            @NotNull @DefaultValue("15m") Duration lockout) {
    }
}
