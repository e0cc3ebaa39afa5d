package io.agentcoach.identity.organizations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.agentcoach.identity.OrganizationMembers;
import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an organization's members under its own tenant binding (row-level security). */
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

    @Override
    public Map<UUID, String> displayNames(UUID organizationId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        Tenants.callAs(organizationId, () -> jdbc.sql("""
                select u.id, u.display_name from memberships m join users u on u.id = m.user_id
                where m.organization_id = :org and m.user_id in (:ids)""")
                .param("org", organizationId).param("ids", List.copyOf(userIds))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list())
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }
}
