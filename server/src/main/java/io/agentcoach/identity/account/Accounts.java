package io.agentcoach.identity.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.mfa.SecondFactors;
import io.agentcoach.identity.security.FailedLogins;
import io.agentcoach.identity.security.RoleScopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * People, their personal organizations and password logins. A failed password counts against
 * the account; after {@code agentcoach.identity.login.max-failures} failures in a row the account
 * refuses password logins for {@code agentcoach.identity.login.lockout}, even with the right
 * password ({@link FailedLogins}). A person with a second factor also gives a code.
 */
@Service
public class Accounts {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final java.util.concurrent.atomic.AtomicReference<String> unknownUserHash;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final FailedLogins failures;
    private final SecondFactors secondFactors;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords,
            PlatformTransactionManager transactionManager, AuditLog audit, FailedLogins failures,
            SecondFactors secondFactors) {
        this.jdbc = jdbc;
        this.failures = failures;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.passwords = passwords;
        // compared against when the email is unknown, so both paths take as long; made on first use,
        // since one adaptive hash is a noticeable part of start-up
        this.unknownUserHash = new java.util.concurrent.atomic.AtomicReference<>();
    }

    private String unknownUserHash() {
        String hash = unknownUserHash.get();
        if (hash == null) {
            hash = passwords.encode("no such user: " + UUID.randomUUID());
            unknownUserHash.compareAndSet(null, hash);
        }
        return unknownUserHash.get();
    }

    /** Creates a person with a personal organization they administer, and signs them in to it. */
    public CurrentUser signUp(String email, String password, String displayName) {
        String key = EmailAddresses.key(email);
        checkPassword(password);
        String hash = passwords.encode(password);
        CurrentUser created = Tenants.callAsSystem(() -> transactions.execute(s -> create(email, key, hash, displayName)));
        audit.record(created.organizationId(), created.userId(), "user.signed_up", created.userId().toString(), null);
        return created;
    }

    private CurrentUser create(String email, String key, String passwordHash, String displayName) {
        if (jdbc.sql("select count(*) from users where email_key = ?").param(key).query(Long.class).single() > 0) {
            throw Problems.of(HttpStatus.CONFLICT, "email-taken", "Email already registered",
                    "An account with this email already exists; sign in instead.");
        }
        UUID userId = UUID.randomUUID();
        UUID organizationId = UUID.randomUUID();
        String name = displayName.strip();
        jdbc.sql("insert into users (id, email, email_key, display_name, password_hash) values (?, ?, ?, ?, ?)")
                .params(userId, email.strip(), key, name, passwordHash).update();
        jdbc.sql("insert into organizations (id, name, plan) values (?, ?, 'individual')")
                .params(organizationId, personalOrganizationName(name)).update();
        jdbc.sql("insert into memberships (organization_id, user_id, role) values (?, ?, 'org_admin')")
                .params(organizationId, userId).update();
        return caller(userId, organizationId).orElseThrow();
    }

    /** The name sign-up gives a person's own organization. */
    public static String personalOrganizationName(String displayName) {
        return truncate(displayName.strip() + " (personal)", 200);
    }

    /**
     * Checks a password, and the second factor when the person has one, and returns the caller in
     * {@code organizationId}, or else in the person's newest active membership. Wrong or unknown
     * credentials are one and the same 401; a person with MFA whose {@code mfaCode} is missing or
     * wrong gets 401 {@code /problems/mfa-code-required} and no token.
     *
     * @param mfaCode a TOTP code or a recovery code, or null
     */
    public CurrentUser login(String email, String password, UUID organizationId, String mfaCode) {
        PasswordChecked checked = authenticatePassword(email, password);
        boolean verified = false;
        if (checked.secondFactorEnabled()) {
            if (mfaCode == null || mfaCode.isBlank()) {
                audit.record(null, checked.userId(), "login.mfa_code_missing", checked.userId().toString(), null);
                throw mfaCodeRequired("This account uses two-step sign-in: send mfaCode, a code from your "
                        + "authenticator app or one of your recovery codes.");
            }
            try {
                secondFactors.verify(checked.userId(), null, mfaCode);
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
                    throw mfaCodeRequired("The code is not correct, has expired or was already used.");
                }
                throw e;
            }
            verified = true;
        }
        return signedIn(checked.userId(), organizationId, verified);
    }

    /**
     * The first step of a sign-in: checks the password (and the lockout) of {@code email}. When the
     * person has no second factor the sign-in is complete and their failures are forgotten;
     * otherwise that waits for the code.
     */
    public PasswordChecked authenticatePassword(String email, String password) {
        String key = EmailAddresses.key(email);
        // the account is what this finds out
        return Tenants.callAsSystem(() -> authenticate(key, password));
    }

    /**
     * Completes a sign-in whose factors were checked: the caller in {@code organizationId} (or the
     * default organization when null), audited as a successful login.
     */
    public CurrentUser signedIn(UUID userId, UUID organizationId, boolean secondFactor) {
        CurrentUser caller = (organizationId == null
                ? callerInDefaultOrganization(userId).orElseThrow(() -> Problems.of(HttpStatus.FORBIDDEN,
                        "no-membership", "No organization", "This account is not an active member of any organization."))
                : caller(userId, organizationId).orElseThrow(() -> Problems.notFound("Organization " + organizationId)))
                .withSecondFactor(secondFactor);
        audit.record(caller.organizationId(), caller.userId(), "login.succeeded", caller.userId().toString(),
                secondFactor ? "pwd+otp" : "pwd");
        return caller;
    }

    private PasswordChecked authenticate(String key, String password) {
        Optional<Credentials> found = credentials("email_key", key);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.matches(password, unknownUserHash());
            audit.record(null, null, "login.failed", null, "unknown account");
            throw invalidCredentials();
        }
        Credentials user = found.get();
        try {
            failures.refuseIfLocked(user.lockedUntil());
        } catch (ErrorResponseException locked) {
            audit.record(null, user.id(), "login.refused_locked", user.id().toString(), null);
            throw locked;
        }
        if (!passwords.matches(password, user.passwordHash()) || !user.active()) {
            failures.record(user.id());
            audit.record(null, user.id(), "login.failed", user.id().toString(), null);
            throw invalidCredentials();
        }
        boolean secondFactor = secondFactors.enabled(user.id());
        if (!secondFactor) {
            failures.reset(user.id());
        }
        return new PasswordChecked(user.id(), secondFactor);
    }

    /**
     * Confirms a signed-in person's password before an irreversible change (deleting their
     * account). A wrong password counts against the account like a failed login, and a locked
     * account is refused even with the right one.
     */
    public void confirmPassword(UUID userId, String password) {
        Tenants.runAsSystem(() -> {
            Credentials user = credentials("id", userId).filter(c -> c.passwordHash() != null)
                    .orElseThrow(Accounts::wrongPassword);
            failures.refuseIfLocked(user.lockedUntil());
            if (password == null || !passwords.matches(password, user.passwordHash())) {
                failures.record(userId);
                audit.record(null, userId, "reauthentication.failed", userId.toString(), null);
                throw wrongPassword();
            }
            failures.reset(userId);
        });
    }

    private Optional<Credentials> credentials(String column, Object value) {
        return jdbc.sql("select id, password_hash, active, locked_until from users where " + column + " = ?")
                .param(value).query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBoolean(3), instant(rs.getObject(4, OffsetDateTime.class)))).optional();
    }

    private static ErrorResponseException wrongPassword() {
        return Problems.of(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password",
                "The password is not correct; nothing was changed.");
    }

    /**
     * The caller {@code userId} is in the organization they joined last (a person invited to a team
     * works there rather than in the personal organization sign-up made), if they are active at all.
     */
    public Optional<CurrentUser> callerInDefaultOrganization(UUID userId) {
        return Tenants.callAsSystem(() -> defaultOrganization(userId).flatMap(org -> caller(userId, org)));
    }

    /**
     * The caller {@code userId} is when acting in {@code organizationId}: their role there (a
     * platform admin may act in any organization), with every scope those roles allow.
     */
    public Optional<CurrentUser> caller(UUID userId, UUID organizationId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("""
                select u.platform_admin, m.role, (select count(*) from organizations o where o.id = ?)
                from users u
                left join memberships m on m.user_id = u.id and m.organization_id = ? and m.active
                where u.id = ? and u.active
                """).params(organizationId, organizationId, userId).query((rs, n) -> {
                    Set<Role> roles = new LinkedHashSet<>();
                    if (rs.getString(2) != null) {
                        roles.add(Role.valueOf(rs.getString(2).toUpperCase()));
                    }
                    if (rs.getBoolean(1) && rs.getLong(3) > 0) {
                        roles.add(Role.PLATFORM_ADMIN);
                    }
                    return roles;
                }).optional().filter(roles -> !roles.isEmpty())
                .map(roles -> new CurrentUser(userId, organizationId, roles, RoleScopes.allowedFor(roles))));
    }

    /**
     * What a person sees about themselves, read in one query on one pooled connection (this runs on
     * every /api/me, which the web app asks on every page load).
     */
    public Optional<Profile> profile(UUID userId) {
        return Tenants.callAsSystem(() -> jdbc.sql("select u.id, u.email, u.display_name, "
                + SecondFactors.STATUS_COLUMNS + " from users u where u.id = ?").param(userId)
                .query((rs, n) -> new Profile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        new SecondFactors.Status(rs.getBoolean(4), rs.getBoolean(5))))
                .optional());
    }

    private Optional<UUID> defaultOrganization(UUID userId) {
        return jdbc.sql("""
                select organization_id from memberships where user_id = ? and active
                order by created_at desc, organization_id
                """).param(userId).query(UUID.class).list().stream().findFirst();
    }

    static void checkPassword(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH || bytes > MAX_PASSWORD_BYTES) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                    "Some fields are not valid: password.", Map.of("errors", List.of(Map.of("field", "password",
                            "message", "must be at least " + MIN_PASSWORD_LENGTH + " characters and at most "
                                    + MAX_PASSWORD_BYTES + " bytes"))));
        }
    }

    private static ErrorResponseException mfaCodeRequired(String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "mfa-code-required", "Second factor required", detail);
    }

    private static ErrorResponseException invalidCredentials() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The email or password is not correct.");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A password that was right: whose it is, and whether a second factor must follow. */
    public record PasswordChecked(UUID userId, boolean secondFactorEnabled) {
    }

    /** A person as they see themselves, with their second factor's status. */
    public record Profile(UUID id, String email, String displayName, SecondFactors.Status mfa) {
    }

    private record Credentials(UUID id, String passwordHash, boolean active, Instant lockedUntil) {
    }
}
