package io.agentcoach.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A token is verified once while it is valid and again after it expired; a token that fails
 * verification is never remembered.
 */
class VerifiedTokenCacheTests {

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndAFailedOneNever() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        Instant expires = Instant.now().plusMillis(1500);
        JwtDecoder verifier = token -> {
            verifications.incrementAndGet();
            if (token.equals("forged") || Instant.now().isAfter(expires)) {
                throw new BadJwtException("not valid");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                    .issuedAt(expires.minusSeconds(900)).expiresAt(expires).build();
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.systemUTC());

        assertThat(cache.decode("good").getSubject()).isEqualTo("someone");
        assertThat(cache.decode("good").getSubject()).isEqualTo("someone");
        assertThat(verifications).hasValue(1);

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);

        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 200);
        assertThatThrownBy(() -> cache.decode("good")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(4);
    }
}
