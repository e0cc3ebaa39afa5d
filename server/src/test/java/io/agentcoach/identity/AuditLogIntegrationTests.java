package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit log records security actions per organization and detects tampering. Tests that tamper
 * put the events back, since the chain is shared by every test running in this context.
 */
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
        Map<String, Object> original = row(victim);
        Tenants.runAsSystem(() -> jdbc.sql("update audit_events set details = 'nothing to see' where seq = ?")
                .param(victim).update());
        JsonNode edited = platformAdmin.get("/api/audit/verify").json();
        assertThat(edited.get("intact").asBoolean()).isFalse();
        assertThat(edited.get("firstBrokenSeq").asLong()).isEqualTo(victim);

        Tenants.runAsSystem(() -> jdbc.sql("delete from audit_events where seq = ?").param(victim).update());
        JsonNode deleted = platformAdmin.get("/api/audit/verify").json();
        assertThat(deleted.get("intact").asBoolean()).isFalse();
        assertThat(deleted.get("firstBrokenSeq").asLong()).isGreaterThan(victim);

        // the chain is shared by every test of this context: put the event back as it was
        restore(original);
        assertThat(platformAdmin.get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedAccountsEventsArePseudonymizedAndClearingFieldsByHandIsDetected() {
        TestUsers users = new TestUsers(new Http(port), jdbc);
        var ada = users.orgAdmin();
        ada.postJson("/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"profile\"]}");
        var bob = users.orgAdmin();
        var platformAdmin = users.platformAdmin();
        Http.Response deleted = ada.http().send(ada.request("/api/me").header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"" + TestUsers.PASSWORD + "\",\"mfaCode\":\""
                                + users.authenticator(ada.email()).orElseThrow().nextCode() + "\"}")).build());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        JsonNode verified = platformAdmin.get("/api/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        String pseudonym = Tenants.callAsSystem(() -> jdbc.sql(
                "select target from audit_events where action = 'account.deleted' order by seq desc limit 1")
                .query(String.class).single());
        List<Map<String, Object>> adas = Tenants.callAsSystem(() -> jdbc.sql(
                "select * from audit_events where erased_as = ? order by seq").param(pseudonym).query().listOfRows());
        assertThat(adas).extracting(e -> e.get("action"))
                .contains("user.signed_up", "api_key.created");
        assertThat(adas).allSatisfy(e -> {
            assertThat(e.get("actor_id")).isNull();
            assertThat(e.get("ip")).isNull();
            assertThat(e.get("user_agent")).isNull();
        });

        // a pseudonymized event still cannot be edited
        long erased = (Long) adas.getFirst().get("seq");
        assertBrokenAt(erased, "update audit_events set action = 'login.failed' where seq = ?", erased,
                platformAdmin);
        // nor can someone's fields be cleared by hand, under a pseudonym no deletion named or under none
        long bobs = Tenants.callAsSystem(() -> jdbc.sql(
                "select seq from audit_events where actor_id = ? order by seq limit 1").param(bob.userId())
                .query(Long.class).single());
        String clear = "update audit_events set actor_id = null, ip = null, user_agent = null, actor_salt = null, "
                + "erased_as = %s where seq = ?";
        assertBrokenAt(bobs, clear.formatted("'erased-made-up'"), bobs, platformAdmin);
        assertBrokenAt(bobs, clear.formatted("null"), bobs, platformAdmin);
        assertThat(platformAdmin.get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    /** Runs {@code tampering} on event {@code seq}, checks the chain breaks there, and restores the event. */
    private void assertBrokenAt(long expected, String tampering, long seq, TestUsers.SignedIn platformAdmin) {
        Map<String, Object> original = row(seq);
        Tenants.runAsSystem(() -> jdbc.sql(tampering).param(seq).update());
        JsonNode result = platformAdmin.get("/api/audit/verify").json();
        assertThat(result.get("intact").asBoolean()).as(tampering).isFalse();
        assertThat(result.get("firstBrokenSeq").asLong()).as(tampering).isEqualTo(expected);
        Tenants.runAsSystem(() -> jdbc.sql("delete from audit_events where seq = ?").param(seq).update());
        restore(original);
    }

    private Map<String, Object> row(long seq) {
        return Tenants.callAsSystem(() -> jdbc.sql("select * from audit_events where seq = ?").param(seq).query()
                .singleRow());
    }

    private void restore(Map<String, Object> event) {
        String columns = String.join(", ", event.keySet());
        String values = String.join(", ", event.keySet().stream().map(c -> ":" + c).toList());
        Tenants.runAsSystem(() -> jdbc.sql("insert into audit_events (" + columns + ") overriding system value values ("
                + values + ")").params(event).update());
    }
}
