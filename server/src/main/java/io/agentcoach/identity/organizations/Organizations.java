package io.agentcoach.identity.organizations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organizations and their members. A caller sees only the organization they act in (a platform
 * admin sees any); every other organization is "not found", whether it exists or not. Managing
 * members needs an org admin holding the {@code org:admin} scope.
 */
@Service
public class Organizations {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    Organizations(JdbcClient jdbc, CurrentUsers users, PlatformTransactionManager transactionManager, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Organization get(UUID id) {
        visible(id);
        return Tenants.callAs(id, () -> jdbc.sql("select id, name, plan, settings from organizations where id = ?").param(id)
                .query((rs, n) -> new Organization(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional().orElseThrow(() -> Problems.notFound("Organization " + id)));
    }

    public List<Member> members(UUID organizationId) {
        administer(organizationId);
        return Tenants.callAs(organizationId, () -> jdbc.sql(MEMBERS + " where m.organization_id = ? order by u.email_key")
                .param(organizationId).query(Organizations::member).list());
    }

    /** Changes a member's role and/or active flag; the last active org admin cannot be removed. */
    public Member update(UUID organizationId, UUID userId, Role role, Boolean active) {
        CurrentUser admin = administer(organizationId);
        // a platform admin works in the organization named, not in their own
        Member changed = Tenants.callAs(organizationId, () -> transactions.execute(s -> change(organizationId, userId,
                role, active)));
        audit.record(organizationId, admin.userId(), "member.changed", userId.toString(),
                "role=" + changed.role() + " active=" + changed.active());
        return changed;
    }

    private Member change(UUID organizationId, UUID userId, Role role, Boolean active) {
        Member current = member(organizationId, userId);
        Role newRole = role == null ? Role.valueOf(current.role().toUpperCase()) : role;
        boolean newActive = active == null ? current.active() : active;
        boolean losesAdmin = current.role().equals("org_admin") && current.active()
                && (newRole != Role.ORG_ADMIN || !newActive);
        if (losesAdmin && jdbc.sql("""
                select count(*) from memberships where organization_id = ? and role = 'org_admin' and active
                """).param(organizationId).query(Long.class).single() <= 1) {
            throw Problems.of(HttpStatus.CONFLICT, "last-admin", "Last admin",
                    "An organization keeps at least one active org admin; make someone else admin first.");
        }
        jdbc.sql("""
                update memberships set role = ?, active = ?, updated_at = current_timestamp
                where organization_id = ? and user_id = ?
                """).params(newRole.name().toLowerCase(), newActive, organizationId, userId).update();
        return member(organizationId, userId);
    }

    private Member member(UUID organizationId, UUID userId) {
        return jdbc.sql(MEMBERS + " where m.organization_id = ? and m.user_id = ?").params(organizationId, userId)
                .query(Organizations::member).optional()
                .orElseThrow(() -> Problems.notFound("Member " + userId));
    }

    private CurrentUser visible(UUID organizationId) {
        CurrentUser caller = users.require();
        if (!caller.organizationId().equals(organizationId) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw Problems.notFound("Organization " + organizationId);
        }
        return caller;
    }

    /** The caller, who must be an org admin of {@code organizationId}: 404 outside it, 403 within. */
    public CurrentUser administer(UUID organizationId) {
        CurrentUser caller = visible(organizationId);
        if (!caller.has(Role.ORG_ADMIN) || !caller.hasScope(Scopes.ORG_ADMIN)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only an org admin may manage this organization's members.");
        }
        return caller;
    }

    private static final String MEMBERS = """
            select u.id, u.email, u.display_name, m.role, m.active, m.created_at
            from memberships m join users u on u.id = m.user_id""";

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    public record Organization(UUID id, String name, String plan, String settings) {
    }

    /** A member; {@code role} is {@code learner}, {@code instructor} or {@code org_admin}. */
    public record Member(UUID userId, String email, String displayName, String role, boolean active,
            Instant since) {
    }
}
