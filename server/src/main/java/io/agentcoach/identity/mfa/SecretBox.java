package io.agentcoach.identity.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.platform.Tenants;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps second-factor secrets unreadable at rest: TOTP secrets are encrypted with AES-256-GCM and
 * recovery codes stored as HMAC-SHA-256, both under the key {@code agentcoach.identity.mfa-key}
 * (AGENTCOACH_IDENTITY_MFA_KEY), so a copy of the database alone reveals neither. Without that
 * setting a key generated once and kept in the database is used (protects only against a leak of
 * the MFA tables themselves). Every stored value names its key, so setting the key later keeps
 * older values readable.
 */
@Component
class SecretBox {

    private static final String DATABASE_KEY = "db";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configuredKeyId;
    private final byte[] configuredKey;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    SecretBox(JdbcClient jdbc, IdentitySettings settings) {
        this.jdbc = jdbc;
        String configured = settings.mfaKey();
        if (configured.isBlank()) {
            configuredKey = null;
            configuredKeyId = null;
        } else {
            configuredKey = Base64.getDecoder().decode(configured.strip());
            configuredKeyId = "k" + Digests.sha256Hex(configured.strip()).substring(0, 8);
            keys.put(configuredKeyId, configuredKey);
        }
    }

    String seal(byte[] plain) {
        String keyId = currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(keyId), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a second-factor secret", e);
        }
    }

    byte[] open(String stored) {
        int colon = stored.indexOf(':');
        String keyId = stored.substring(0, colon);
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(keyId), "AES"),
                    new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored second-factor secret cannot be decrypted (wrong "
                    + "AGENTCOACH_IDENTITY_MFA_KEY?)", e);
        }
    }

    /** {@code <key id>:<hex HMAC>} of {@code text} under the current key. */
    String digest(String text) {
        return digest(currentKeyId(), text);
    }

    /** The digest of {@code text} under the key that made {@code stored}, to compare with it. */
    String digestLike(String stored, String text) {
        return digest(stored.substring(0, stored.indexOf(':')), text);
    }

    private String digest(String keyId, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(keyId), "HmacSHA256"));
            return keyId + ":" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    private String currentKeyId() {
        return configuredKeyId != null ? configuredKeyId : DATABASE_KEY;
    }

    private byte[] key(String keyId) {
        return keys.computeIfAbsent(keyId, id -> {
            if (!DATABASE_KEY.equals(id)) {
                throw new IllegalStateException("a second-factor secret was sealed with key " + id
                        + ", which is not configured (AGENTCOACH_IDENTITY_MFA_KEY)");
            }
            return databaseKey();
        });
    }

    /** The database's own key, made by whichever node needs it first. */
    private byte[] databaseKey() {
        return Tenants.callAsSystem(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.sql("insert into mfa_keys (id, key_value) select ?, ? where not exists "
                        + "(select 1 from mfa_keys where id = ?)")
                        .params(DATABASE_KEY, Base64.getEncoder().encodeToString(fresh), DATABASE_KEY).update();
            } catch (DuplicateKeyException raced) {
                // another node made it first; use theirs
            }
            return Base64.getDecoder().decode(jdbc.sql("select key_value from mfa_keys where id = ?")
                    .param(DATABASE_KEY).query(String.class).single());
        });
    }
}
