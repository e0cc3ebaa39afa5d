package io.agentcoach.testing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app for tests: computes RFC 6238 codes (HMAC-SHA1, 6 digits, 30 s) from the
 * base32 secret the server handed out, written independently of the server's own implementation so
 * each checks the other. Like a person, it never offers a code the server has already accepted: the
 * server refuses a step it has seen, so when the steps within its clock window are used up it hands
 * out one of the recovery codes instead.
 */
public final class Authenticator {

    private final byte[] key;
    private final Deque<String> recoveryCodes = new ArrayDeque<>();
    private long lastStep = Long.MIN_VALUE;

    public Authenticator(String base32Secret) {
        this.key = base32(base32Secret);
    }

    /** The code for the time step {@code step}. */
    public String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int value = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                    % 1_000_000;
            return String.format(Locale.ROOT, "%06d", value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current time step. */
    public static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** A code for the current step (which the caller will use, so it is not offered again). */
    public String currentCode() {
        long step = step();
        lastStep = Math.max(lastStep, step);
        return code(step);
    }

    /**
     * A code the server will accept now: the next unused step within its window (current step and
     * the one after), else a recovery code.
     */
    public String nextCode() {
        long now = step();
        long candidate = Math.max(lastStep + 1, now);
        if (candidate <= now + 1) {
            lastStep = candidate;
            return code(candidate);
        }
        if (recoveryCodes.isEmpty()) {
            throw new IllegalStateException("no unused TOTP step and no recovery code left");
        }
        return recoveryCodes.pop();
    }

    /** Remembers recovery codes the server issued, to fall back on. */
    public void keepRecoveryCodes(List<String> codes) {
        recoveryCodes.clear();
        recoveryCodes.addAll(codes);
    }

    /** The recovery codes not used yet. */
    public List<String> recoveryCodes() {
        return List.copyOf(recoveryCodes);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = buffer << 5 | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
