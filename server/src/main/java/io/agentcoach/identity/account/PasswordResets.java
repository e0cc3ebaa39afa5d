package io.agentcoach.identity.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.mail.Mailer;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by mailed link. Asking for a reset answers the same, at once, whether or not the
 * address has an account: the lookup, the token and the mail happen afterwards on a worker thread,
 * so neither the answer nor its timing tells who has an account. The link carries a random token
 * (only its SHA-256 is stored) valid for {@link #VALIDITY} and usable once. Setting the new password
 * also lifts a login lockout, revokes the person's refresh tokens (every authorization of the
 * authorization server) and ends their sign-in sessions of the authorization server, so sessions
 * elsewhere end when their access token expires.
 */
@Service
public class PasswordResets implements DisposableBean {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    static final String PATH = "/reset-password?token=";
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(200), Thread.ofPlatform().name("password-reset-mail").daemon().factory(),
            (task, pool) -> log.warn("Too many password resets waiting to be mailed; one request was dropped"));

    PasswordResets(JdbcClient jdbc, Mailer mailer, PasswordEncoder passwords, AuditLog audit,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Mails a reset link to {@code email} if it belongs to an active account; returns before that either way. */
    public void request(String email) {
        String key = EmailAddresses.key(email);
        String base = mailer.publicUrl();
        worker.execute(() -> {
            try {
                mailLink(key, base);
            } catch (RuntimeException e) {
                log.warn("A password reset could not be prepared", e);
            }
        });
    }

    private void mailLink(String emailKey, String base) {
        Optional<Account> account = Tenants.callAsSystem(() -> jdbc.sql("""
                select id, email from users where email_key = ? and active and password_hash is not null
                """).param(emailKey).query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional());
        if (account.isEmpty()) {
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "rst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Tenants.runAsSystem(() -> jdbc.sql("""
                insert into password_reset_tokens (token_hash, user_id, expires_at) values (?, ?, ?)
                """).params(Digests.sha256Hex(token), account.get().id(),
                        Instant.now().plus(VALIDITY).atOffset(ZoneOffset.UTC)).update());
        boolean mailed = mailer.send(account.get().email(), "Reset your AgentCoach password", """
                Someone, hopefully you, asked to reset the password of your AgentCoach account.

                To choose a new password, open this link within %d minutes (it works once):
                %s%s%s

                If you did not ask for this, ignore this mail: your password stays as it is.
                """.formatted(VALIDITY.toMinutes(), base, PATH, token));
        audit.record(null, account.get().id(), "password_reset.requested", account.get().id().toString(),
                mailed ? "mailed" : "not mailed (link in the server log)");
    }

    /** Sets a new password with a reset token; 400 {@code /problems/invalid-reset-token} for a bad, expired or used one. */
    public void confirm(String token, String newPassword) {
        Accounts.checkPassword(newPassword);
        String hash = passwords.encode(newPassword);
        UUID userId = Tenants.callAsSystem(() -> transactions.execute(s -> {
            Pending pending = jdbc.sql("""
                    select user_id, expires_at, used_at from password_reset_tokens where token_hash = ? for update
                    """).param(Digests.sha256Hex(token)).query((rs, n) -> new Pending(rs.getObject(1, UUID.class),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3) != null))
                    .optional()
                    .filter(p -> !p.used() && p.expiresAt().isAfter(Instant.now()))
                    .orElseThrow(PasswordResets::invalidToken);
            PasswordChanges.replace(jdbc, pending.userId(), hash, null);
            jdbc.sql("update users set failed_logins = 0, locked_until = null where id = ?").param(pending.userId())
                    .update();
            return pending.userId();
        }));
        audit.record(null, userId, "password_reset.completed", userId.toString(), "refresh tokens revoked");
    }

    private static RuntimeException invalidToken() {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-reset-token", "Invalid reset link",
                "This password reset link is not valid: it is mistyped, older than " + VALIDITY.toMinutes()
                        + " minutes or was already used. Ask for a new one.");
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }

    private record Account(UUID id, String email) {
    }

    private record Pending(UUID userId, Instant expiresAt, boolean used) {
    }
}
