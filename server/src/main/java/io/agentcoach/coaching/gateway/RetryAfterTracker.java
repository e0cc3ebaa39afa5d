package io.agentcoach.coaching.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers until when a provider asked to be left alone. A {@code Retry-After} on a 429 or 5xx
 * concerns the credential, not one request, so every call to that provider honours it.
 */
final class RetryAfterTracker {

    private final Clock clock;
    private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.EPOCH);

    RetryAfterTracker(Clock clock) {
        this.clock = clock;
    }

    /** Records a {@code Retry-After} header value: delay seconds or an HTTP date. */
    void record(String retryAfter) {
        Instant until = parse(retryAfter.trim());
        if (until != null) {
            notBefore.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** How long the provider asked us to wait from now; zero when it did not. */
    Duration remaining() {
        Duration left = Duration.between(clock.instant(), notBefore.get());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Instant parse(String value) {
        try {
            return clock.instant().plusMillis((long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
