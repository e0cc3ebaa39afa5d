package io.agentcoach.identity.privacy;

import java.util.UUID;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.PersonalDataExport;
import io.agentcoach.identity.account.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Identity's part: memberships, API keys (never their secrets, which are not stored), invitations
 * to the person's email, authorizations granted to OAuth clients (without tokens), consent history
 * and the audit events about them. Erasing removes all of it and the account itself; the audit
 * events are pseudonymized by {@link AccountDeletion}, since the chain must stay verifiable.
 */
@Component
class IdentityPersonalData implements PersonalDataContributor {

    static final String FORMER_PERSONAL_ORGANIZATION = "Former personal organization";

    private final JdbcClient jdbc;

    IdentityPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "identity";
    }

    @Override
    public void export(PersonalDataExport export) {
        UUID user = export.userId();
        export.rows("memberships", """
                select m.organization_id, o.name as organization_name, m.role, m.active, m.created_at as joined_at
                from memberships m join organizations o on o.id = m.organization_id
                where m.user_id = ? order by m.created_at""", user);
        export.rows("apiKeys", """
                select id, organization_id, name, prefix, scopes, created_at, expires_at, last_used_at, usage_count,
                    revoked_at
                from api_keys where user_id = ? order by created_at""", user);
        export.rows("invitationsReceived", """
                select id, organization_id, role, created_at, expires_at, accepted_at from invitations
                where email_key = (select email_key from users where id = ?) order by created_at""", user);
        export.rows("oauthAuthorizations", """
                select registered_client_id as client_id, authorization_grant_type as grant_type, authorized_scopes,
                    access_token_issued_at, refresh_token_issued_at, refresh_token_expires_at
                from oauth2_authorization where principal_name = ? order by access_token_issued_at""", user.toString());
        export.rows("consents", """
                select purpose, granted, wording_version, recorded_at from consent_records
                where user_id = ? order by id""", user);
        export.rows("auditEvents", """
                select seq, occurred_at, organization_id, actor_id, action, target, ip, user_agent, details
                from audit_events where actor_id = ? or target = ? order by seq""", user, user.toString());
    }

    @Override
    public void erase(AccountErasure erasure) {
        UUID user = erasure.userId();
        String principal = user.toString();
        // an organization that outlives the person loses the name sign-up derived from theirs
        jdbc.sql("""
                update organizations set name = ?
                where name = ? and id in (select organization_id from memberships where user_id = ?)""")
                .params(FORMER_PERSONAL_ORGANIZATION, Accounts.personalOrganizationName(displayName(user)), user)
                .update();
        jdbc.sql("""
                delete from oauth2_rotated_refresh_token
                where authorization_id in (select id from oauth2_authorization where principal_name = ?)""")
                .param(principal).update();
        jdbc.sql("delete from oauth2_authorization where principal_name = ?").param(principal).update();
        jdbc.sql("delete from oauth2_authorization_consent where principal_name = ?").param(principal).update();
        jdbc.sql("delete from invitations where email_key = (select email_key from users where id = ?)").param(user)
                .update();
        jdbc.sql("update invitations set invited_by = ? where invited_by = ?").params(AccountErasure.ERASED_USER, user)
                .update();
        jdbc.sql("delete from api_keys where user_id = ?").param(user).update();
        jdbc.sql("delete from memberships where user_id = ?").param(user).update();
        jdbc.sql("delete from consent_records where user_id = ?").param(user).update();
        for (UUID organization : erasure.deletedOrganizationIds()) {
            // memberships, their API keys and invitations go with it (foreign keys)
            jdbc.sql("delete from organizations where id = ?").param(organization).update();
        }
        // user_skills and mastery's tables follow by their foreign keys; mastery erases its rows first anyway
        jdbc.sql("delete from users where id = ?").param(user).update();
    }

    private String displayName(UUID user) {
        return jdbc.sql("select display_name from users where id = ?").param(user).query(String.class).single();
    }
}
