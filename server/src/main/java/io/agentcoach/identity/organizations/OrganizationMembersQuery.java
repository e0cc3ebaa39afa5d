package io.agentcoach.identity.organizations;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.agentcoach.identity.OrganizationMembers;
import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an organization's active members under its own tenant binding. */
@Component
class OrganizationMembersQuery implements OrganizationMembers {

    private final JdbcClient jdbc;

    OrganizationMembersQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Member> of(UUID organizationId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("""
                select u.id, u.display_name, m.role from memberships m join users u on u.id = m.user_id
                where m.organization_id = ? and m.active and u.active order by u.display_name, u.id""")
                .param(organizationId)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2),
                        Role.valueOf(rs.getString(3).toUpperCase(Locale.ROOT))))
                .list());
    }
}
