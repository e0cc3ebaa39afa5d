package io.agentcoach.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens that passed verification, by their exact text, until they expire, so
 * that a client sending the same token on every request (the web app and the CLI do, for its
 * 15 minutes) has its RS256 signature checked and its claims parsed once rather than on every
 * request. Only verified tokens are kept: a token that fails is checked again (and counted against
 * its address) each time it is sent. Access tokens cannot be revoked one by one anyway (that is
 * what their short life is for), so a remembered token is accepted exactly as long as a checked
 * one would be. What the token says is still read on every request ({@link AccessTokens}), where a
 * service client's registration is looked up.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** Enough for every signed-in person of a busy node; a token pushed out is just verified again. */
    static final long MAX_TOKENS = 50_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifeLeft(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration lifeLeft(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
