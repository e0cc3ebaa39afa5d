package io.agentcoach.identity.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.security.RoleScopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpHeaders;
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
 * password.
 */
@Service
public class Accounts {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final IdentitySettings settings;
    private final java.util.concurrent.atomic.AtomicReference<String> unknownUserHash;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, IdentitySettings settings,
            PlatformTransactionManager transactionManager, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.passwords = passwords;
        this.settings = settings;
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
     * Checks a password and returns the caller in {@code organizationId}, or else in the person's
     * oldest active membership. Wrong or unknown credentials are one and the same 401.
     */
    public CurrentUser login(String email, String password, UUID organizationId) {
        String key = EmailAddresses.key(email);
        // the organization is what this finds out
        return Tenants.callAsSystem(() -> authenticate(key, password, organizationId));
    }

    private CurrentUser authenticate(String key, String password, UUID organizationId) {
        Optional<Credentials> found = credentials("email_key", key);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.matches(password, unknownUserHash());
            audit.record(null, null, "login.failed", null, "unknown account");
            throw invalidCredentials();
        }
        Credentials user = found.get();
        Instant now = Instant.now();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            audit.record(null, user.id(), "login.refused_locked", user.id().toString(), null);
            throw locked(Duration.between(now, user.lockedUntil()));
        }
        if (!passwords.matches(password, user.passwordHash()) || !user.active()) {
            recordFailure(user.id(), now);
            audit.record(null, user.id(), "login.failed", user.id().toString(), null);
            throw invalidCredentials();
        }
        jdbc.sql("update users set failed_logins = 0, locked_until = null where id = ?").param(user.id()).update();
        CurrentUser caller = organizationId == null
                ? callerInDefaultOrganization(user.id()).orElseThrow(() -> Problems.of(HttpStatus.FORBIDDEN,
                        "no-membership", "No organization", "This account is not an active member of any organization."))
                : caller(user.id(), organizationId).orElseThrow(() -> Problems.notFound("Organization " + organizationId));
        audit.record(caller.organizationId(), caller.userId(), "login.succeeded", caller.userId().toString(), null);
        return caller;
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
            Instant now = Instant.now();
            if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
                throw locked(Duration.between(now, user.lockedUntil()));
            }
            if (password == null || !passwords.matches(password, user.passwordHash())) {
                recordFailure(userId, now);
                audit.record(null, userId, "reauthentication.failed", userId.toString(), null);
                throw wrongPassword();
            }
            jdbc.sql("update users set failed_logins = 0, locked_until = null where id = ?").param(userId).update();
        });
    }

    private Optional<Credentials> credentials(String column, Object value) {
        return jdbc.sql("select id, password_hash, active, locked_until from users where " + column + " = ?")
                .param(value).query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBoolean(3), instant(rs.getObject(4, OffsetDateTime.class)))).optional();
    }

    /** The caller {@code userId} is in their oldest active membership, if they are active at all. */
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

    /** What a person sees about themselves. */
    public Optional<Profile> profile(UUID userId) {
        return jdbc.sql("select id, email, display_name from users where id = ?").param(userId)
                .query((rs, n) -> new Profile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private Optional<UUID> defaultOrganization(UUID userId) {
        return jdbc.sql("""
                select organization_id from memberships where user_id = ? and active
                order by created_at, organization_id
                """).param(userId).query(UUID.class).list().stream().findFirst();
    }

    private void recordFailure(UUID userId, Instant now) {
        int max = settings.login().maxFailures();
        jdbc.sql("""
                update users set
                    locked_until = case when failed_logins + 1 >= ? then ? else locked_until end,
                    failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end
                where id = ?
                """).params(max, now.plus(settings.login().lockout()).atOffset(ZoneOffset.UTC), max, userId).update();
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

    private static ErrorResponseException invalidCredentials() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The email or password is not correct.");
    }

    private static ErrorResponseException wrongPassword() {
        return Problems.of(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password",
                "The password is not correct; nothing was changed.");
    }

    private static ErrorResponseException locked(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + 1);
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-locked", "Too many failed logins",
                "Password login is locked after repeated failures; try again in " + seconds + " seconds.",
                Map.of("retryAfterSeconds", seconds));
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return e;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A person as they see themselves. */
    public record Profile(UUID id, String email, String displayName) {
    }

    private record Credentials(UUID id, String passwordHash, boolean active, Instant lockedUntil) {
    }
}
