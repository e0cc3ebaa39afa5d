package io.agentcoach.identity;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity module ({@code agentcoach.identity.*}).
 *
 * @param issuer the {@code iss} of the access tokens this node issues and accepts
 * @param accessTokenTtl how long an access token is valid
 * @param signingKeyMaxAge after this age a new signing key is generated and used for new tokens;
 *        older keys keep verifying until the tokens they signed have expired
 * @param login password login throttling
 */
@Validated
@ConfigurationProperties("agentcoach.identity")
public record IdentitySettings(
        @NotBlank @DefaultValue("agentcoach") String issuer,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("30d") Duration signingKeyMaxAge,
        @Valid @NotNull @DefaultValue Login login) {

    /**
     * @param maxFailures consecutive failed logins after which the account is locked
     * @param lockout how long a locked account refuses password logins
     */
    public record Login(
            @Min(1) @Max(100) @DefaultValue("5") int maxFailures,
            @NotNull @DefaultValue("15m") Duration lockout) {
    }
}
