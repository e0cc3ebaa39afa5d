package io.agentcoach.identity.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.mail.Mailer;
import io.agentcoach.identity.organizations.Organizations;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Org admins invite people by email with a role. The invitation link is mailed when SMTP is
 * configured ({@link Mailer}); the token is also returned once to the admin, who passes the link on
 * when it was not mailed. The invited person, signed in with that email, accepts it once before it
 * expires. An unknown, used, expired or someone else's invitation is simply "not found".
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);
    static final String PATH = "/accept-invitation?token=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Mailer mailer;

    Invitations(JdbcClient jdbc, Organizations organizations, CurrentUsers users, AuditLog audit,
            PlatformTransactionManager transactionManager, Mailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Invitation invite(UUID organizationId, String email, String role) {
        CurrentUser admin = organizations.administer(organizationId);
        String key = EmailAddresses.key(email);
        if (!role.equals("learner") && !role.equals("instructor") && !role.equals("org_admin")) {
            throw Problems.badRequest("role must be one of learner, instructor, org_admin.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "inv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(VALIDITY);
        Tenants.runAs(organizationId, () -> jdbc.sql("""
                insert into invitations (id, organization_id, email_key, role, token_hash, invited_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, organizationId, key, role, Digests.sha256Hex(token), admin.userId(),
                        expires.atOffset(ZoneOffset.UTC)).update());
        String link = mailer.publicUrl() + PATH + token;
        String organization = organizations.get(organizationId).name();
        boolean emailed = mailer.send(email.strip(), "You are invited to " + organization + " on AgentCoach", """
                You have been invited to join %s on AgentCoach as %s.

                Sign in (or sign up) with this address, then open this link within %d days to accept:
                %s
                """.formatted(organization, role.replace('_', ' '), VALIDITY.toDays(), link));
        audit.record(organizationId, admin.userId(), "invitation.created", id.toString(),
                "role=" + role + (emailed ? " mailed" : ""));
        return new Invitation(id, organizationId, key, role, expires, token, link, emailed);
    }

    /** Accepts an invitation for the signed-in caller, whose email must be the one invited. */
    public Accepted accept(String token) {
        CurrentUser caller = users.require();
        String email = jdbc.sql("select email_key from users where id = ?").param(caller.userId())
                .query(String.class).single();
        Accepted accepted = Tenants.callAsSystem(() -> transactions.execute(s -> {
            Pending pending = jdbc.sql("""
                    select id, organization_id, email_key, role, expires_at, accepted_at
                    from invitations where token_hash = ? for update
                    """).param(Digests.sha256Hex(token)).query((rs, n) -> new Pending(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6) != null))
                    .optional()
                    .filter(p -> !p.accepted() && p.expiresAt().isAfter(Instant.now()) && p.emailKey().equals(email))
                    .orElseThrow(() -> Problems.notFound("Invitation"));
            try {
                jdbc.sql("insert into memberships (organization_id, user_id, role) values (?, ?, ?)")
                        .params(pending.organizationId(), caller.userId(), pending.role()).update();
            } catch (DuplicateKeyException e) {
                throw Problems.of(HttpStatus.CONFLICT, "already-member", "Already a member",
                        "You are already a member of this organization.");
            }
            jdbc.sql("update invitations set accepted_at = current_timestamp where id = ?").param(pending.id())
                    .update();
            return new Accepted(pending.id(), pending.organizationId(), pending.role());
        }));
        audit.record(accepted.organizationId(), caller.userId(), "invitation.accepted", accepted.invitationId().toString(),
                "role=" + accepted.role());
        return accepted;
    }

    /**
     * A new invitation; {@code token} and {@code link} are shown only now, for the admin to pass on
     * when it was not {@code emailed}.
     */
    public record Invitation(UUID id, UUID organizationId, String email, String role, Instant expiresAt, String token,
            String link, boolean emailed) {
    }

    /** The membership an accepted invitation created. */
    public record Accepted(UUID invitationId, UUID organizationId, String role) {
    }

    private record Pending(UUID id, UUID organizationId, String emailKey, String role, Instant expiresAt,
            boolean accepted) {
    }
}
