package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The audit log records security actions per organization and detects tampering. */
@IntegrationTest
class AuditLogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void securityActionsAreRecordedForTheOrganizationsAdmins() {
        Http http = new Http(port);
        TestUsers users = new TestUsers(http, jdbc);
        var admin = users.orgAdmin();
        http.send(http.request("/api/auth/login").header("Content-Type", "application/json")
                .header("User-Agent", "audit-test/1.0")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + admin.email() + "\",\"password\":\"wrong password!\"}")).build());
        admin.postJson("/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"profile\"]}");
        var other = users.orgAdmin();

        JsonNode log = admin.get("/api/organizations/" + admin.organizationId() + "/audit").json();
        var actions = log.valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsSubsequence("api_key.created", "user.signed_up");
        assertThat(log.valueStream().allMatch(e -> e.get("organizationId").asString()
                .equals(admin.organizationId().toString()))).isTrue();
        assertThat(log.toString()).doesNotContain(other.userId().toString());
        assertThat(log.get(0).get("ip").asString()).isEqualTo("127.0.0.1");

        long failures = Tenants.callAsSystem(() -> jdbc.sql(
                "select count(*) from audit_events where action = 'login.failed' and actor_id = ? and user_agent = ?")
                .params(admin.userId(), "audit-test/1.0").query(Long.class).single());
        assertThat(failures).isEqualTo(1);
    }

    @Test
    void anEditedOrDeletedEventBreaksTheChain() {
        TestUsers users = new TestUsers(new Http(port), jdbc);
        for (int i = 0; i < 3; i++) {
            users.orgAdmin();
        }
        var platformAdmin = users.platformAdmin();
        JsonNode intact = platformAdmin.get("/api/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("checked").asInt()).isGreaterThanOrEqualTo(8);

        long victim = Tenants.callAsSystem(() -> jdbc.sql(
                "select seq from audit_events order by seq limit 1 offset 2").query(Long.class).single());
        Tenants.runAsSystem(() -> jdbc.sql("update audit_events set details = 'nothing to see' where seq = ?")
                .param(victim).update());
        JsonNode edited = platformAdmin.get("/api/audit/verify").json();
        assertThat(edited.get("intact").asBoolean()).isFalse();
        assertThat(edited.get("firstBrokenSeq").asLong()).isEqualTo(victim);

        Tenants.runAsSystem(() -> jdbc.sql("delete from audit_events where seq = ?").param(victim).update());
        JsonNode deleted = platformAdmin.get("/api/audit/verify").json();
        assertThat(deleted.get("intact").asBoolean()).isFalse();
        assertThat(deleted.get("firstBrokenSeq").asLong()).isGreaterThan(victim);
    }
}
