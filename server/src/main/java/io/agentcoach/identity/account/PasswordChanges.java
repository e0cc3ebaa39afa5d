package io.agentcoach.identity.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.mail.Mailer;
import io.agentcoach.platform.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person changes their password. The current password is checked like a sign-in (a
 * wrong one counts towards the account's lockout; the route shares the sign-in routes' per-address
 * bucket); the new one follows the sign-up rules. Changing it signs the person out everywhere else:
 * every authorization of the authorization server (so every refresh token) is revoked except the
 * one that issued this request's access token, sign-in sessions of the authorization server that
 * began before now end (see the oauth package's SignInSessions), and unused password-reset links
 * stop working. Other
 * devices keep only what is left of their current access token (at most its 15 minutes). API keys
 * are separate credentials and stay. The change is audited ({@code password.changed}) and, when
 * SMTP is configured, the person is told by mail, so that a change they did not make does not go
 * unnoticed.
 */
@Service
public class PasswordChanges {

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final OAuth2AuthorizationService authorizations;
    private final AuditLog audit;
    private final Mailer mailer;
    private final TransactionTemplate transactions;

    PasswordChanges(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwords,
            OAuth2AuthorizationService authorizations, AuditLog audit, Mailer mailer,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.authorizations = authorizations;
        this.audit = audit;
        this.mailer = mailer;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Replaces {@code caller}'s password: 400 {@code /problems/validation-failed} for a new password
     * that breaks the rules, 403 {@code /problems/wrong-password} for a wrong current one.
     *
     * @param accessToken the access token this request came with, whose authorization stays; null
     *        when the request came with something else (an API key), and then every one is revoked
     * @return how many other authorizations were revoked
     */
    public int change(CurrentUser caller, String currentPassword, String newPassword, String accessToken) {
        Accounts.checkPassword(newPassword);
        UUID userId = caller.userId();
        accounts.confirmPassword(userId, currentPassword);
        String hash = passwords.encode(newPassword);
        String keep = accessToken == null ? null : Tenants.callAsSystem(() -> {
            OAuth2Authorization current = authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);
            return current != null && current.getPrincipalName().equals(userId.toString()) ? current.getId() : null;
        });
        int revoked = Tenants.callAsSystem(() -> transactions.execute(s -> replace(jdbc, userId, hash, keep)));
        audit.record(caller.organizationId(), userId, "password.changed", userId.toString(),
                revoked + " other sign-ins revoked");
        notifyByMail(userId);
        return revoked;
    }

    /**
     * Sets a new password hash and withdraws what the old password let anyone get: unused reset
     * links, every authorization (refresh token) but {@code keepAuthorizationId}, and (through
     * {@code password_changed_at}) sign-in sessions of the authorization server begun before now.
     * Password change and reset both come here, so they revoke the same. Call it in a transaction
     * across all tenants.
     *
     * @param keepAuthorizationId the authorization to keep, or null for none
     * @return how many authorizations were revoked
     */
    static int replace(JdbcClient jdbc, UUID userId, String hash, String keepAuthorizationId) {
        String principal = userId.toString();
        String keep = keepAuthorizationId == null ? "" : keepAuthorizationId;
        jdbc.sql("update users set password_hash = ?, password_changed_at = ? where id = ?")
                .params(hash, Instant.now().atOffset(ZoneOffset.UTC), userId).update();
        jdbc.sql("update password_reset_tokens set used_at = current_timestamp where user_id = ? and used_at is null")
                .param(userId).update();
        jdbc.sql("""
                delete from oauth2_rotated_refresh_token where authorization_id in
                    (select id from oauth2_authorization where principal_name = ? and id <> ?)""")
                .params(principal, keep).update();
        return jdbc.sql("delete from oauth2_authorization where principal_name = ? and id <> ?")
                .params(principal, keep).update();
    }

    /** Tells the person by mail, off the request's thread (SMTP may be slow); only when SMTP is configured. */
    private void notifyByMail(UUID userId) {
        if (!mailer.sends()) {
            return;
        }
        accounts.profile(userId).ifPresent(profile -> Thread.ofVirtual().name("password-changed-mail").start(() -> {
            try {
                mailer.send(profile.email(), "Your AgentCoach password was changed", """
                        The password of your AgentCoach account was just changed, and every other
                        device signed in to it was signed out.

                        If you did not change it, reset your password at once ("Forgot password" on
                        the sign-in page) and tell your organization's admin.
                        """);
            } catch (RuntimeException e) {
                log.warn("The password change notice could not be mailed", e);
            }
        }));
    }
}
