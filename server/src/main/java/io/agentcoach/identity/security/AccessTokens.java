package io.agentcoach.identity.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.Role;
import org.springframework.core.convert.converter.Converter;
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
 * allows.
 */
@Component
public class AccessTokens implements Converter<Jwt, CurrentUserAuthentication> {

    static final String ORGANIZATION = "org";
    static final String ROLES = "roles";
    static final String SCOPE = "scope";

    private final SigningKeys keys;
    private final IdentitySettings settings;
    private final NimbusJwtEncoder encoder;

    AccessTokens(SigningKeys keys, IdentitySettings settings) {
        this.keys = keys;
        this.settings = settings;
        this.encoder = new NimbusJwtEncoder(keys);
    }

    /** A signed access token for {@code user}, valid for {@code agentcoach.identity.access-token-ttl}. */
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
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, expires, settings.accessTokenTtl().toSeconds());
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
            return new CurrentUserAuthentication(new CurrentUser(userId, organizationId, roles, scopes), "jwt");
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("The access token does not describe a caller.");
        }
    }

    /** An issued token and when it expires. */
    public record Issued(String token, Instant expiresAt, long expiresInSeconds) {
    }
}
