package io.agentcoach.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.agentcoach.testing.Authenticator;
import org.junit.jupiter.api.Test;

/** RFC 6238 codes, the acceptance window and replay refusal; RFC 4648 base32. */
class TotpTests {

    /** The SHA-1 key of RFC 6238 appendix B. */
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheTestVectorsOfRfc6238() {
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] v : vectors) {
            assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(v[0])), 8))
                    .isEqualTo(String.format("%08d", v[1]));
        }
        // six digits are the last six of the eight
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
    }

    @Test
    void theServerAndAnIndependentAuthenticatorAgree() {
        String secret = Base32.encode(RFC_KEY);
        Authenticator app = new Authenticator(secret);
        for (long step = 0; step < 2000; step += 37) {
            assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo(app.code(step));
        }
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNotBeyond() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = Totp.step(now);
        for (long s = step - 1; s <= step + 1; s++) {
            assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, s, 6), now, 0)).hasValue(s);
        }
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, 0)).isEmpty();
    }

    @Test
    void aStepAlreadyUsedOrEarlierIsRefused() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = Totp.step(now);
        String current = Totp.code(RFC_KEY, step, 6);
        assertThat(Totp.match(RFC_KEY, current, now, step - 1)).hasValue(step);
        // replay of the same code
        assertThat(Totp.match(RFC_KEY, current, now, step)).isEmpty();
        // an older code after a newer one was used
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, step)).isEmpty();
        // the next one is still fine
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, step)).hasValue(step + 1);
    }

    @Test
    void malformedCodesNeverMatch() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        String good = Totp.code(RFC_KEY, Totp.step(now), 6);
        for (String bad : new String[] {"", "12345", "1234567", good + " ", "١٢٣٤٥٦", "12345a", "-12345", "' or 1"}) {
            assertThat(Totp.wellFormed(bad)).as(bad).isFalse();
            assertThat(Totp.match(RFC_KEY, bad, now, 0)).as(bad).isEmpty();
        }
    }

    @Test
    void base32FollowsRfc4648() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertThat(Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
        }
    }
}
