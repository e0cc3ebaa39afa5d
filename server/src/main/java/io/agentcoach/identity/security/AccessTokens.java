package io.agentcoach.identity.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issues and reads the JWT access tokens of this server: subject is the user, {@code org} the
 * organization the token acts in, {@code roles} the caller's roles there, {@code scope} what it
 * allows, {@code amr} how the person signed in ({@code pwd}, and {@code otp} after a second
 * factor). A service client's token (client credentials) has the client as subject and
 * {@code client: true}; it is accepted only while the client is still registered to that
 * organization.
 */
@Component
public class AccessTokens implements Converter<Jwt, CurrentUserAuthentication> {

    static final String ORGANIZATION = "org";
    static final String ROLES = "roles";
    static final String SCOPE = "scope";
    /** RFC 8176 authentication method references. */
    public static final String AMR = "amr";
    public static final String CLIENT = "client";
    public static final String PASSWORD_METHOD = "pwd";
    public static final String ONE_TIME_PASSWORD_METHOD = "otp";

    private final SigningKeys keys;
    private final IdentitySettings settings;
    private final NimbusJwtEncoder encoder;
    private final JdbcClient jdbc;

    AccessTokens(SigningKeys keys, IdentitySettings settings, JdbcClient jdbc) {
        this.keys = keys;
        this.settings = settings;
        this.jdbc = jdbc;
        this.encoder = new NimbusJwtEncoder(keys);
    }

    /**
     * A signed access token for {@code user}, who signed in with a password (and a second factor
     * when {@link CurrentUser#secondFactor()}), valid for {@code agentcoach.identity.access-token-ttl}.
     */
    public Issued issue(CurrentUser user) {
        Instant now = Instant.now();
        Instant expires = now.plus(settings.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer())
                .subject(user.userId().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expires)
                .claim(ORGANIZATION, user.organizationId().toString())
                .claim(ROLES, user.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList())
                .claim(SCOPE, String.join(" ", user.scopes().stream().sorted().toList()))
                .claim(AMR, methods(user.secondFactor()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, expires, settings.accessTokenTtl().toSeconds());
    }

    /** The {@code amr} claim of a person's token. */
    public static List<String> methods(boolean secondFactor) {
        return secondFactor ? List.of(PASSWORD_METHOD, ONE_TIME_PASSWORD_METHOD) : List.of(PASSWORD_METHOD);
    }

    /** The configured issuer, or this request's base URL as the authorization server derives it. */
    private String issuer() {
        return settings.issuer().isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : settings.issuer();
    }

    /** Reads a verified token back into the caller it was issued for. */
    @Override
    public CurrentUserAuthentication convert(Jwt jwt) {
        try {
            UUID userId = UUID.fromString(jwt.getSubject());
            UUID organizationId = UUID.fromString(jwt.getClaimAsString(ORGANIZATION));
            List<String> roleNames = jwt.getClaimAsStringList(ROLES);
            Set<Role> roles = roleNames == null ? Set.of()
                    : Set.copyOf(roleNames.stream().map(r -> Role.valueOf(r.toUpperCase())).toList());
            Object scope = jwt.getClaims().get(SCOPE);
            Set<String> scopes = switch (scope) {
                case null -> Set.of();
                case String s when s.isBlank() -> Set.of();
                case String s -> Set.copyOf(List.of(s.split(" ")));
                case java.util.Collection<?> c -> Set.copyOf(c.stream().map(String::valueOf).toList());
                default -> throw new IllegalArgumentException("scope");
            };
            boolean client = Boolean.TRUE.equals(jwt.getClaims().get(CLIENT));
            List<String> methods = jwt.getClaimAsStringList(AMR);
            boolean secondFactor = client || methods != null && methods.contains(ONE_TIME_PASSWORD_METHOD);
            if (client && !registered(jwt.getSubject(), organizationId)) {
                throw new IllegalArgumentException("client");
            }
            return new CurrentUserAuthentication(new CurrentUser(userId, organizationId, roles, scopes, secondFactor),
                    client ? "client" : "jwt");
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("The access token does not describe a caller.");
        }
    }

    /** Whether a service client is still registered to the organization (deleting it revokes its tokens). */
    private boolean registered(String clientId, UUID organizationId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select count(*) from oauth_clients where client_id = ?")
                .param(clientId).query(Long.class).single() > 0);
    }

    /** An issued token and when it expires. */
    public record Issued(String token, Instant expiresAt, long expiresInSeconds) {
    }
}
