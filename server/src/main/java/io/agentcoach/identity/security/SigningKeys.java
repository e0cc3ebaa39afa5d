package io.agentcoach.identity.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.agentcoach.identity.IdentitySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign access tokens, kept in the database so that every node signs and
 * verifies with the same keys and tokens survive a restart. The newest key signs; a key older than
 * {@code agentcoach.identity.signing-key-max-age} is replaced by a new one, and keeps verifying
 * until every token it signed has expired. A node that meets an unknown key id reloads the keys,
 * so a key rotated by another node is picked up at once.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final long RELOAD_AT_MOST_EVERY_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final IdentitySettings settings;
    private final Clock clock;
    private volatile List<Stored> keys = List.of();
    private volatile long lastLoad;

    SigningKeys(JdbcClient jdbc, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = Clock.systemUTC();
        reload();
    }

    /**
     * The key new tokens are signed with; rotates first when it has grown too old, or makes the
     * first one when there is none yet (on a new database: generating an RSA key costs a noticeable
     * part of start-up, so it waits for the first token).
     */
    public RSAKey current() {
        if (keys.isEmpty()) {
            firstKey();
        }
        Stored newest = keys.getFirst();
        if (newest.createdAt().plus(settings.signingKeyMaxAge()).isBefore(clock.instant())) {
            return rotate();
        }
        return newest.key();
    }

    private synchronized void firstKey() {
        if (keys.isEmpty()) {
            rotate();
        }
    }

    /** Makes a new signing key and retires the keys that can no longer have signed a valid token. */
    public synchronized RSAKey rotate() {
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("insert into signing_keys (kid, public_key, private_key, created_at) values (?, ?, ?, ?)")
                .params(kid, encode(pair.getPublic().getEncoded()), encode(pair.getPrivate().getEncoded()), utc(now))
                .update();
        // a key replaced long enough ago that every token it signed has expired
        jdbc.sql("""
                update signing_keys set retired_at = ? where retired_at is null and kid <> ? and created_at < ?
                """).params(utc(now), kid, utc(now.minus(settings.signingKeyMaxAge()).minus(settings.accessTokenTtl())))
                .update();
        reload();
        return keys.stream().filter(k -> k.key().getKeyID().equals(kid)).findFirst().orElseThrow().key();
    }

    /** The public halves of the keys that verify, as published at the JWKS endpoint. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(k -> (JWK) k.key().toPublicJWK()).toList());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(jwkSet());
        // a node that has no key yet (another node made the first one) looks at once
        if (found.isEmpty() && (keys.isEmpty() || System.currentTimeMillis() - lastLoad > RELOAD_AT_MOST_EVERY_MILLIS)) {
            reload();
            found = selector.select(jwkSet());
        }
        return found;
    }

    private JWKSet jwkSet() {
        return new JWKSet(keys.stream().map(k -> (JWK) k.key()).toList());
    }

    private synchronized void reload() {
        keys = jdbc.sql("""
                select kid, public_key, private_key, created_at from signing_keys
                where retired_at is null order by created_at desc, kid
                """).query((rs, n) -> new Stored(
                        new RSAKey.Builder(publicKey(rs.getString(2))).privateKey(privateKey(rs.getString(3)))
                                .keyID(rs.getString(1)).build(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        lastLoad = System.currentTimeMillis();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    private static RSAPublicKey publicKey(String encoded) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }

    private static RSAPrivateKey privateKey(String encoded) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Stored(RSAKey key, Instant createdAt) {
    }
}
