package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Org admins see which of their learners are stalling, and why; nobody else does. */
@IntegrationTest
class AtRiskIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Masteries masteries;

    void answer(TestUsers.SignedIn learner, String id, boolean correct, Instant at) {
        Tenants.runAs(learner.organizationId(), () -> masteries.record(new AttemptObserved(id, learner.organizationId(),
                learner.userId(), "messages/stateless", List.of("llm-messages"), correct, at)));
    }

    static JsonNode entry(JsonNode body, UUID userId) {
        for (JsonNode learner : body.path("learners")) {
            if (learner.path("userId").asString().equals(userId.toString())) {
                return learner;
            }
        }
        return null;
    }

    @Test
    void idleLearnersAndRepeatedFailuresAreListedWithTheirEvidence() {
        TestUsers users = new TestUsers(new Http(port), jdbc);
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn idle = users.member(admin.organizationId(), Role.LEARNER);
        TestUsers.SignedIn struggling = users.member(admin.organizationId(), Role.LEARNER);
        TestUsers.SignedIn fine = users.member(admin.organizationId(), Role.LEARNER);
        Instant now = Instant.now();
        answer(idle, "i1", true, now.minus(Duration.ofDays(30)));
        answer(struggling, "s1", true, now.minusSeconds(600));
        answer(struggling, "s2", false, now.minusSeconds(300));
        answer(struggling, "s3", false, now.minusSeconds(200));
        answer(struggling, "s4", false, now.minusSeconds(100));
        answer(fine, "f1", false, now.minusSeconds(300));
        answer(fine, "f2", true, now.minusSeconds(100));

        Http.Response response = admin.get("/api/mastery/organization/at-risk?days=14");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("learners")).hasSize(2);
        assertThat(body.path("learners").get(0).path("userId").asString()).isEqualTo(idle.userId().toString());

        JsonNode idleReason = entry(body, idle.userId()).path("reasons").get(0);
        assertThat(idleReason.path("kind").asString()).isEqualTo("NO_PROGRESS");
        assertThat(idleReason.path("detail").asString()).contains("30 days");
        assertThat(idleReason.path("attemptIds").get(0).asString()).isEqualTo("i1");

        JsonNode failing = entry(body, struggling.userId()).path("reasons");
        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).path("kind").asString()).isEqualTo("REPEATED_FAILURES");
        assertThat(failing.get(0).path("skillId").asString()).isEqualTo("llm-messages");
        assertThat(failing.get(0).path("attemptIds")).extracting(JsonNode::asString).containsExactly("s2", "s3", "s4");
        assertThat(entry(body, fine.userId())).isNull();

        // a longer window forgives the idle learner
        assertThat(entry(admin.get("/api/mastery/organization/at-risk?days=60").json(), idle.userId())).isNull();

        // learners may not look, other organizations see none of these learners, bad windows are 400
        assertThat(fine.get("/api/mastery/organization/at-risk").status()).isEqualTo(403);
        assertThat(new Http(port).get("/api/mastery/organization/at-risk").status()).isEqualTo(401);
        TestUsers.SignedIn otherAdmin = users.orgAdmin();
        assertThat(otherAdmin.get("/api/mastery/organization/at-risk").json().path("learners")).isEmpty();
        assertThat(admin.get("/api/mastery/organization/at-risk?days=0").status()).isEqualTo(400);
    }
}
