package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import io.agentcoach.testing.TestUsers.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Consent to optional processing: off until given, given only to the wording shown, withdrawn at
 * any time, with its history kept and every change audited; coaching's own consent endpoint is the
 * same record.
 */
@IntegrationTest
class ConsentsIntegrationTests {

    static final String GRANT = """
            {"purpose": "external-model-processing", "granted": true, "wordingVersion": 1}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Consents consents;

    @Test
    void consentIsOffUntilGivenToTheCurrentWordingAndItsHistoryIsKept() {
        SignedIn ada = new TestUsers(new Http(port), jdbc).learner();
        JsonNode initial = external(ada.get("/api/me/consents").json());
        assertThat(initial.get("granted").asBoolean()).isFalse();
        assertThat(initial.get("history")).isEmpty();
        assertThat(initial.get("currentWordingVersion").asInt()).isEqualTo(1);
        assertThat(initial.get("wording").asString()).contains("external AI provider");

        Http.Response unversioned = ada.putJson("/api/me/consents",
                "{\"purpose\": \"external-model-processing\", \"granted\": true}");
        assertThat(unversioned.status()).isEqualTo(409);
        assertThat(unversioned.json().get("type").asString()).isEqualTo("/problems/consent-wording-changed");
        assertThat(ada.putJson("/api/me/consents", GRANT.replace("1}", "0}")).status()).isEqualTo(409);
        assertThat(consents.granted(ada.userId(), ConsentPurpose.EXTERNAL_MODEL_PROCESSING)).isFalse();

        JsonNode given = external(ada.putJson("/api/me/consents", GRANT).json());
        assertThat(given.get("granted").asBoolean()).isTrue();
        assertThat(given.get("wordingVersion").asInt()).isEqualTo(1);
        assertThat(consents.granted(ada.userId(), ConsentPurpose.EXTERNAL_MODEL_PROCESSING)).isTrue();
        assertThat(ada.putJson("/api/me/consents", GRANT).status()).as("giving it again changes nothing").isEqualTo(200);

        // coaching's endpoint reads and writes the same record
        assertThat(ada.get("/api/coaching/consent").json().get("externalProcessing").asBoolean()).isTrue();
        assertThat(ada.putJson("/api/coaching/consent", "{\"externalProcessing\": false}").json()
                .get("externalProcessing").asBoolean()).isFalse();
        JsonNode withdrawn = external(ada.get("/api/me/consents").json());
        assertThat(withdrawn.get("granted").asBoolean()).isFalse();
        assertThat(withdrawn.get("history").valueStream().map(c -> c.get("granted").asBoolean()))
                .containsExactly(false, true);

        assertThat(Tenants.callAsSystem(() -> jdbc.sql("""
                select action from audit_events where actor_id = ? and action like 'consent.%' order by seq""")
                .param(ada.userId()).query(String.class).list()))
                .containsExactly("consent.granted", "consent.withdrawn");
    }

    @Test
    void badConsentRequestsAreRefusedAndChangeNothing() {
        Http http = new Http(port);
        SignedIn ada = new TestUsers(http, jdbc).learner();
        for (String body : new String[] {"{\"purpose\": \"selling-my-data\", \"granted\": true, \"wordingVersion\": 1}",
                "{\"purpose\": \"external-model-processing\"}", "{\"granted\": true}", "not json", ""}) {
            Http.Response refused = ada.putJson("/api/me/consents", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(http.send(http.request("/api/me/consents").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(GRANT)).build()).status()).isEqualTo(401);
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from consent_records where user_id = ?")
                .param(ada.userId()).query(Long.class).single())).isZero();
    }

    private static JsonNode external(JsonNode consents) {
        return consents.valueStream().filter(c -> c.get("purpose").asString().equals("external-model-processing"))
                .findFirst().orElseThrow();
    }
}
