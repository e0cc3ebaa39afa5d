package io.agentcoach.identity.organizations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentcoach.identity.MemberDirectory;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link MemberDirectory} over memberships, bound to the organization asked about (row-level security). */
@Component
class OrganizationMemberDirectory implements MemberDirectory {

    private final JdbcClient jdbc;

    OrganizationMemberDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> displayNames(UUID organizationId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = List.copyOf(userIds);
        Map<UUID, String> names = new LinkedHashMap<>();
        Tenants.callAs(organizationId, () -> jdbc.sql("""
                select u.id, u.display_name from memberships m join users u on u.id = m.user_id
                where m.organization_id = :org and m.user_id in (:ids)""")
                .param("org", organizationId).param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list())
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }
}
