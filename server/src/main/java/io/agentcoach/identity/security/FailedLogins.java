package io.agentcoach.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Throttles guessing: a wrong password and a wrong second-factor code both count against the
 * account; after {@code agentcoach.identity.login.max-failures} failures in a row the account
 * refuses both for {@code agentcoach.identity.login.lockout}, even when the next guess is right.
 */
@Component
public class FailedLogins {

    private final JdbcClient jdbc;
    private final IdentitySettings settings;

    FailedLogins(JdbcClient jdbc, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** 429 {@code /problems/login-locked} with {@code Retry-After} while the account is locked. */
    public void refuseIfLocked(UUID userId) {
        OffsetDateTime until = Tenants.callAsSystem(() -> jdbc.sql("select locked_until from users where id = ?")
                .param(userId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null));
        refuseIfLocked(until == null ? null : until.toInstant());
    }

    /** As {@link #refuseIfLocked(UUID)} for a lock time already read. */
    public void refuseIfLocked(Instant lockedUntil) {
        Instant now = Instant.now();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw locked(Duration.between(now, lockedUntil));
        }
    }

    /** Counts a failed guess; the one that reaches the limit locks the account. */
    public void record(UUID userId) {
        int max = settings.login().maxFailures();
        Instant until = Instant.now().plus(settings.login().lockout());
        Tenants.runAsSystem(() -> jdbc.sql("""
                update users set
                    locked_until = case when failed_logins + 1 >= ? then ? else locked_until end,
                    failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end
                where id = ?
                """).params(max, until.atOffset(ZoneOffset.UTC), max, userId).update());
    }

    /** Forgets the failures after a complete successful sign-in. */
    public void reset(UUID userId) {
        Tenants.runAsSystem(() -> jdbc.sql("update users set failed_logins = 0, locked_until = null where id = ?")
                .param(userId).update());
    }

    private static ErrorResponseException locked(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + 1);
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-locked", "Too many failed logins",
                "Sign-in is locked after repeated failures; try again in " + seconds + " seconds.",
                Map.of("retryAfterSeconds", seconds));
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return e;
    }
}
