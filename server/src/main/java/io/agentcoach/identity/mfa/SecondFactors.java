package io.agentcoach.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.security.FailedLogins;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriUtils;

/**
 * The second factor: a TOTP authenticator ({@link Totp}) with ten one-time recovery codes. A
 * person enrols by scanning the secret and confirming one code; from then on every password
 * sign-in also asks for a code. Wrong codes count against the account like wrong passwords
 * ({@link FailedLogins}). Enrolment, disabling, recovery-code use and failures are audited.
 * Org admins and platform admins must keep it: their admin rights need a verified sign-in (see
 * {@link CurrentUser}).
 */
@Service
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "AgentCoach";
    private static final int SECRET_BYTES = 20;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final FailedLogins failures;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    SecondFactors(JdbcClient jdbc, SecretBox box, FailedLogins failures, AuditLog audit,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.box = box;
        this.failures = failures;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** How a code was accepted. */
    public enum Verified {
        TOTP, RECOVERY_CODE
    }

    /**
     * The columns of a query over {@code users u} that make up a person's {@link Status}: whether
     * they have a confirmed authenticator, and whether their roles require one. Other reads of the
     * person (/api/me) select them beside their own columns, so that one query answers both; the
     * query must run across organizations, since an admin role anywhere counts.
     */
    public static final String STATUS_COLUMNS = """
            exists (select 1 from mfa_totp t where t.user_id = u.id and t.secret is not null),
            u.platform_admin or exists (select 1 from memberships m where m.user_id = u.id
                and m.role = 'org_admin' and m.active)""";

    /** Whether {@code userId} has a confirmed authenticator, and whether they must. */
    public Status status(UUID userId) {
        return system(() -> jdbc.sql("select " + STATUS_COLUMNS + " from users u where u.id = ?")
                .param(userId).query((rs, n) -> new Status(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElse(new Status(false, false)));
    }

    /** Whether {@code userId} has a confirmed authenticator. */
    public boolean enabled(UUID userId) {
        return system(() -> jdbc.sql("select count(*) from mfa_totp where user_id = ? and secret is not null")
                .param(userId).query(Long.class).single() > 0);
    }

    /** Whether {@code userId} holds an admin role anywhere (platform admin, or org admin of an organization). */
    public boolean requiredFor(UUID userId) {
        return status(userId).required();
    }

    /**
     * Starts (or restarts) an enrolment: a new secret, shown only now. An enabled authenticator
     * keeps working until the new one is confirmed; replacing it needs a verified sign-in.
     */
    public Enrolment start(CurrentUser caller) {
        UUID userId = caller.userId();
        if (enabled(userId) && !caller.secondFactor()) {
            throw CurrentUser.mfaRequired();
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String sealed = box.seal(secret);
        system(() -> {
            if (jdbc.sql("update mfa_totp set pending_secret = ? where user_id = ?").params(sealed, userId).update() == 0) {
                jdbc.sql("insert into mfa_totp (user_id, pending_secret) values (?, ?)").params(userId, sealed).update();
            }
            return null;
        });
        String email = system(() -> jdbc.sql("select email from users where id = ?").param(userId)
                .query(String.class).single());
        String encoded = Base32.encode(secret);
        audit.record(caller.organizationId(), userId, "mfa.enrolment_started", userId.toString(), null);
        return new Enrolment(encoded, "otpauth://totp/" + ISSUER + ":" + UriUtils.encodePathSegment(email,
                StandardCharsets.UTF_8) + "?secret=" + encoded + "&issuer=" + ISSUER + "&digits=" + Totp.DIGITS
                + "&period=" + Totp.PERIOD_SECONDS);
    }

    /** Confirms the pending enrolment with a code from the new authenticator; returns fresh recovery codes. */
    public List<String> confirm(CurrentUser caller, String code) {
        UUID userId = caller.userId();
        failures.refuseIfLocked(userId);
        Optional<String> pending = system(() -> jdbc.sql("select pending_secret from mfa_totp where user_id = ?")
                .param(userId).query(String.class).optional().filter(s -> s != null));
        if (pending.isEmpty()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-mfa-code", "Invalid code",
                    "There is no enrolment to confirm; start one with POST /api/me/mfa/totp.");
        }
        String normalized = code.strip();
        OptionalLong step = Totp.match(box.open(pending.get()), normalized, Instant.now(), 0);
        if (step.isEmpty()) {
            throw failed(caller.organizationId(), userId, Totp.wellFormed(normalized), "enrolment");
        }
        List<String> codes = system(() -> transactions.execute(s -> {
            jdbc.sql("""
                    update mfa_totp set secret = pending_secret, pending_secret = null, confirmed_at = current_timestamp,
                        last_used_step = ? where user_id = ?
                    """).params(step.getAsLong(), userId).update();
            return replaceRecoveryCodes(userId);
        }));
        failures.reset(userId);
        audit.record(caller.organizationId(), userId, "mfa.enabled", userId.toString(), "totp");
        return codes;
    }

    /** New recovery codes for a TOTP code; the old ones stop working. */
    public List<String> regenerateRecoveryCodes(CurrentUser caller, String code) {
        requireEnabled(caller.userId());
        verifyTotpOnly(caller, code);
        List<String> codes = system(() -> transactions.execute(s -> replaceRecoveryCodes(caller.userId())));
        audit.record(caller.organizationId(), caller.userId(), "mfa.recovery_codes_regenerated",
                caller.userId().toString(), null);
        return codes;
    }

    /** Turns the second factor off, given a TOTP or recovery code; refused to anyone holding an admin role. */
    public void disable(CurrentUser caller, String code) {
        UUID userId = caller.userId();
        requireEnabled(userId);
        if (requiredFor(userId)) {
            throw Problems.of(HttpStatus.CONFLICT, "mfa-required-for-role", "Second factor required for your role",
                    "Org admins and platform admins must keep two-step sign-in; give up the admin role first.");
        }
        verify(userId, caller.organizationId(), code);
        system(() -> {
            jdbc.sql("delete from mfa_recovery_codes where user_id = ?").param(userId).update();
            return jdbc.sql("delete from mfa_totp where user_id = ?").param(userId).update();
        });
        audit.record(caller.organizationId(), userId, "mfa.disabled", userId.toString(), null);
    }

    /**
     * Checks a TOTP or recovery code of {@code userId}, who has MFA enabled, during sign-in or to
     * confirm a change. An accepted TOTP step or recovery code can never be used again; a wrong code
     * counts against the account (a malformed one, which cannot be right, does not). 429 while the
     * account is locked; 400 {@code /problems/invalid-mfa-code} for a wrong code.
     *
     * @param organizationId the organization to file audit events under, or null
     */
    public Verified verify(UUID userId, UUID organizationId, String code) {
        failures.refuseIfLocked(userId);
        String normalized = code == null ? "" : code.strip();
        Optional<Verified> result = Optional.empty();
        if (Totp.wellFormed(normalized)) {
            result = acceptTotp(userId, normalized) ? Optional.of(Verified.TOTP) : Optional.empty();
        } else if (recoveryShaped(normalized)) {
            result = useRecoveryCode(userId, normalized) ? Optional.of(Verified.RECOVERY_CODE) : Optional.empty();
        }
        if (result.isEmpty()) {
            throw failed(organizationId, userId, Totp.wellFormed(normalized) || recoveryShaped(normalized), "sign-in");
        }
        failures.reset(userId);
        if (result.get() == Verified.RECOVERY_CODE) {
            long left = system(() -> jdbc.sql(
                    "select count(*) from mfa_recovery_codes where user_id = ? and used_at is null")
                    .param(userId).query(Long.class).single());
            audit.record(organizationId, userId, "mfa.recovery_code_used", userId.toString(), left + " left");
        }
        return result.get();
    }

    private void verifyTotpOnly(CurrentUser caller, String code) {
        failures.refuseIfLocked(caller.userId());
        String normalized = code.strip();
        if (!Totp.wellFormed(normalized) || !acceptTotp(caller.userId(), normalized)) {
            throw failed(caller.organizationId(), caller.userId(), Totp.wellFormed(normalized), "confirmation");
        }
        failures.reset(caller.userId());
    }

    /** Accepts the code if it matches a step after the last accepted one, atomically against a concurrent use. */
    private boolean acceptTotp(UUID userId, String code) {
        return system(() -> {
            Optional<Stored> stored = jdbc.sql("select secret, last_used_step from mfa_totp where user_id = ?")
                    .param(userId).query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2))).optional()
                    .filter(s -> s.secret() != null);
            if (stored.isEmpty()) {
                return false;
            }
            OptionalLong step = Totp.match(box.open(stored.get().secret()), code, Instant.now(),
                    stored.get().lastUsedStep());
            return step.isPresent() && jdbc.sql(
                    "update mfa_totp set last_used_step = ? where user_id = ? and last_used_step < ?")
                    .params(step.getAsLong(), userId, step.getAsLong()).update() == 1;
        });
    }

    private boolean useRecoveryCode(UUID userId, String code) {
        String normalized = normalizeRecoveryCode(code);
        return system(() -> {
            List<String> unused = jdbc.sql("select code_hash from mfa_recovery_codes where user_id = ? and used_at is null")
                    .param(userId).query(String.class).list();
            for (String hash : unused) {
                if (MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8),
                        box.digestLike(hash, normalized).getBytes(StandardCharsets.UTF_8))) {
                    return jdbc.sql("""
                            update mfa_recovery_codes set used_at = current_timestamp
                            where user_id = ? and code_hash = ? and used_at is null
                            """).params(userId, hash).update() == 1;
                }
            }
            return false;
        });
    }

    private List<String> replaceRecoveryCodes(UUID userId) {
        jdbc.sql("delete from mfa_recovery_codes where user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        while (codes.size() < RECOVERY_CODES) {
            String code = randomRecoveryCode();
            if (!codes.contains(code)) {
                codes.add(code);
                jdbc.sql("insert into mfa_recovery_codes (user_id, code_hash) values (?, ?)")
                        .params(userId, box.digest(normalizeRecoveryCode(code))).update();
            }
        }
        return codes;
    }

    private static String randomRecoveryCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /** {@code xxxx-xxxx} as issued; dashes, spaces and case do not matter when typed back. */
    private static boolean recoveryShaped(String code) {
        String normalized = normalizeRecoveryCode(code);
        return code.length() <= 20 && normalized.length() == 8
                && normalized.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    private static String normalizeRecoveryCode(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private void requireEnabled(UUID userId) {
        if (!enabled(userId)) {
            throw Problems.of(HttpStatus.CONFLICT, "mfa-not-enabled", "Two-step sign-in is not enabled",
                    "Set up an authenticator first (POST /api/me/mfa/totp).");
        }
    }

    /** Audits a wrong code and counts it (unless it was malformed and so could not be a guess). */
    private ErrorResponseException failed(UUID organizationId, UUID userId, boolean wellFormed, String during) {
        audit.record(organizationId, userId, "mfa.failed", userId.toString(), during);
        if (wellFormed) {
            failures.record(userId);
        }
        return invalid();
    }

    private static ErrorResponseException invalid() {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-mfa-code", "Invalid code",
                "The code is not correct, has expired or was already used.");
    }

    /** Second-factor rows belong to people, not tenants; memberships are read across organizations. */
    private static <T> T system(Supplier<T> work) {
        return Tenants.callAsSystem(work);
    }

    /** Whether a person has two-step sign-in, and whether their roles require it. */
    public record Status(boolean enabled, boolean required) {
    }

    /** A new authenticator secret (base32) and the URI a QR code carries for it. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    private record Stored(String secret, long lastUsedStep) {
    }
}
