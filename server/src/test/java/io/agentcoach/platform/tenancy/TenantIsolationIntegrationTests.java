package io.agentcoach.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row-level security on PostgreSQL, checked with raw SQL on the application's own connections
 * (a role that is neither superuser nor BYPASSRLS, and owns the tables).
 */
@IntegrationTest
class TenantIsolationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityWithReadAndWritePolicies() {
        List<String> tenantTables = jdbc.sql("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and c.column_name = 'organization_id'
                  and t.table_type = 'BASE TABLE'
                order by 1
                """).query(String.class).list();
        assertThat(tenantTables).contains("memberships", "api_keys");
        List<String> unprotected = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname in (:tables)
                  and not (c.relrowsecurity and c.relforcerowsecurity
                           and exists (select 1 from pg_policies p where p.schemaname = n.nspname
                                       and p.tablename = c.relname and p.cmd = 'ALL'
                                       and p.qual is not null and p.with_check is not null))
                order by 1
                """).param("tables", tenantTables).query(String.class).list();
        assertThat(unprotected).as("tenant tables without forced RLS and a USING + WITH CHECK policy").isEmpty();
    }

    @Test
    void boundToTenantARawSqlCannotReadOrChangeTenantBsRows() {
        TestUsers users = new TestUsers(new Http(port), jdbc);
        TestUsers.SignedIn adminA = users.orgAdmin();
        TestUsers.SignedIn adminB = users.orgAdmin();
        users.member(adminB.organizationId(), Role.LEARNER);
        UUID a = adminA.organizationId();
        UUID b = adminB.organizationId();
        adminB.postJson("/api/api-keys", "{\"name\":\"b\",\"scopes\":[\"profile\"]}");

        Tenants.runAs(a, () -> {
            assertThat(jdbc.sql("select distinct organization_id from memberships").query(UUID.class).list())
                    .containsExactly(a);
            assertThat(jdbc.sql("select count(*) from memberships where organization_id = ?").param(b)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from api_keys").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("update memberships set role = 'learner' where organization_id = ?").param(b)
                    .update()).isZero();
            assertThat(jdbc.sql("delete from api_keys where organization_id = ?").param(b).update()).isZero();
        });
        // moving one's own row into another tenant, or writing into it, is refused outright
        assertThatThrownBy(() -> Tenants.runAs(a, () -> jdbc.sql(
                "insert into memberships (organization_id, user_id, role) values (?, ?, 'org_admin')")
                .params(b, adminA.userId()).update())).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> Tenants.runAs(a, () -> jdbc.sql(
                "update memberships set organization_id = ? where organization_id = ?").params(b, a).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");

        Tenants.runAs(b, () -> {
            assertThat(jdbc.sql("select count(*) from memberships").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select role from memberships where user_id = ?").param(adminB.userId())
                    .query(String.class).single()).isEqualTo("org_admin");
            assertThat(jdbc.sql("select count(*) from api_keys").query(Long.class).single()).isEqualTo(1);
        });
    }

    @Test
    void withNoTenantBoundNoTenantRowIsVisible() {
        new TestUsers(new Http(port), jdbc).orgAdmin();
        assertThat(jdbc.sql("select count(*) from memberships").query(Long.class).single()).isZero();
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from memberships").query(Long.class)
                .single())).isPositive();
    }
}
