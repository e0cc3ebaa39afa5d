package io.agentcoach.identity.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA1 over the
 * number of 30-second steps since the epoch, dynamically truncated (RFC 4226) to 6 digits. A code
 * is accepted for the current step and one step either side (clock drift), and only for a step
 * later than the last one accepted, so a code that was used (or observed) cannot be used again.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long PERIOD_SECONDS = 30;
    static final int WINDOW_STEPS = 1;

    private Totp() {
    }

    /** The time step {@code at} falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code for {@code step}, {@code digits} long with leading zeros. */
    static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            long modulus = (long) Math.pow(10, digits);
            String value = Long.toString(binary % modulus);
            return "0".repeat(digits - value.length()) + value;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is missing from this JVM", e);
        }
    }

    /** Whether {@code code} looks like a TOTP code at all: exactly six ASCII digits. */
    static boolean wellFormed(String code) {
        return code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The step whose code {@code code} is, within the window around {@code now} and after
     * {@code lastUsedStep}; empty when there is none. Compares in constant time.
     */
    static OptionalLong match(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (!wellFormed(code)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        for (long s = current - WINDOW_STEPS; s <= current + WINDOW_STEPS; s++) {
            boolean equal = MessageDigest.isEqual(code(secret, s, DIGITS).getBytes(), code.getBytes());
            if (equal && s > lastUsedStep && found < 0) {
                found = s;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
