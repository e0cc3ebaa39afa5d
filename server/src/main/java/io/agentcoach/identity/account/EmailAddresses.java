package io.agentcoach.identity.account;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;

/**
 * The one way an email address is compared: trimmed, Unicode-normalised (NFKC) and lower-cased, so
 * that {@code Ada@Example.org} and {@code ａｄａ@example.org} are the same account. Addresses with
 * control, format (zero-width, bidi) or whitespace characters inside are refused.
 */
final class EmailAddresses {

    static final int MAX_LENGTH = 320;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]{1,64}@[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]{1,255}");

    private EmailAddresses() {
    }

    /** The comparison key of {@code email}, or a 400 validation problem when it is not an address. */
    static String key(String email) {
        String key = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String domain = key.substring(key.indexOf('@') + 1);
        if (key.length() > MAX_LENGTH || !SHAPE.matcher(key).matches() || !domain.contains(".")
                || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw invalid();
        }
        return key;
    }

    static RuntimeException invalid() {
        return Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                "Some fields are not valid: email.",
                Map.of("errors", List.of(Map.of("field", "email", "message", "must be a valid email address"))));
    }
}
