package io.agentcoach.identity.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.account.Accounts;
import io.agentcoach.identity.audit.HashChainedAuditLog;
import io.agentcoach.identity.mfa.SecondFactors;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a person's account after they confirmed their password (and a second-factor code when
 * they have one): every module erases or anonymizes its part ({@link PersonalDataContributor#erase})
 * in one transaction with identity's own, so the deletion happens entirely or not at all. Organizations the person is the only active
 * member of go with them; the last active admin of an organization with other members must hand
 * over first (409 {@code last-admin}). Audit events about the person stay in the chain,
 * pseudonymized, and one {@code account.deleted} event per organization names the pseudonym.
 * Event publications that mention the person (Spring Modulith's registry keeps completed ones)
 * are deleted too.
 */
@Service
class AccountDeletion {

    private static final int ATTEMPTS = 10;

    private final List<PersonalDataContributor> modules;
    private final IdentityPersonalData identity;
    private final HashChainedAuditLog audit;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AccountDeletion(List<PersonalDataContributor> contributors, IdentityPersonalData identity,
            HashChainedAuditLog audit, Accounts accounts, SecondFactors secondFactors, JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        // identity's part goes last: the others may still look up the account while they erase
        this.modules = contributors.stream().filter(c -> c != identity).toList();
        this.identity = identity;
        this.audit = audit;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Deletes {@code caller}'s account if {@code password} is theirs and, when they have two-step
     * sign-in, {@code mfaCode} is a valid TOTP or recovery code (403 {@code /problems/mfa-required}
     * without one, 400 {@code /problems/invalid-mfa-code} for a wrong one); what it erased. A stolen
     * password alone must not be enough to destroy an account its owner protected with a second factor.
     */
    AccountErasure delete(CurrentUser caller, String password, String mfaCode) {
        UUID userId = caller.userId();
        accounts.confirmPassword(userId, password);
        if (secondFactors.enabled(userId)) {
            if (mfaCode == null || mfaCode.isBlank()) {
                throw Problems.of(HttpStatus.FORBIDDEN, "mfa-required", "Second factor required",
                        "Your account has two-step sign-in: send mfaCode, a code from your authenticator app or "
                                + "one of your recovery codes, to delete it.");
            }
            secondFactors.verify(userId, caller.organizationId(), mfaCode);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return Tenants.callAsSystem(() -> transactions.execute(status -> erase(userId)));
            } catch (DuplicateKeyException raced) {
                // another node appended to the audit chain at the same moment: everything rolled back, redo it
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private AccountErasure erase(UUID userId) {
        jdbc.sql("select id from users where id = ? for update").param(userId).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("User " + userId));
        List<Membership> memberships = jdbc.sql("""
                select m.organization_id, m.role, m.active,
                    (select count(*) from memberships o where o.organization_id = m.organization_id
                        and o.user_id <> m.user_id and o.active),
                    (select count(*) from memberships o where o.organization_id = m.organization_id
                        and o.user_id <> m.user_id and o.active and o.role = 'org_admin')
                from memberships m where m.user_id = ? order by m.created_at, m.organization_id""")
                .param(userId).query((rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBoolean(3), rs.getLong(4), rs.getLong(5)))
                .list();
        Set<UUID> deleted = new LinkedHashSet<>();
        for (Membership m : memberships) {
            if (m.active() && m.otherActiveMembers() == 0) {
                deleted.add(m.organizationId());
            } else if (m.active() && "org_admin".equals(m.role()) && m.otherActiveAdmins() == 0) {
                throw Problems.of(HttpStatus.CONFLICT, "last-admin", "Last admin",
                        "You are the only active admin of organization " + m.organizationId()
                                + ", which has other members: make one of them an admin first, then delete your account.",
                        Map.of("organizationId", m.organizationId()));
            }
        }
        AccountErasure erasure = new AccountErasure(userId, deleted);
        modules.forEach(module -> module.erase(erasure));
        identity.erase(erasure);
        jdbc.sql("delete from event_publication where serialized_event like ?").param("%" + userId + "%").update();
        String pseudonym = "erased-" + UUID.randomUUID();
        int pseudonymized = audit.pseudonymize(userId, pseudonym);
        List<UUID> organizations = new ArrayList<>(memberships.stream().map(Membership::organizationId).toList());
        if (organizations.isEmpty()) {
            organizations.add(null);
        }
        for (UUID organization : organizations) {
            audit.appendWithin(organization, HashChainedAuditLog.ACCOUNT_DELETED, pseudonym,
                    pseudonymized + " earlier events pseudonymized" + (deleted.contains(organization)
                            ? "; the organization was deleted with the account" : ""));
        }
        return erasure;
    }

    private record Membership(UUID organizationId, String role, boolean active, long otherActiveMembers,
            long otherActiveAdmins) {
    }
}
