package io.agentcoach.coaching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import io.agentcoach.identity.Role;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import io.agentcoach.testing.TestUsers.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions and streamed answers over real HTTP, signed in through identity (real sign-up, bearer
 * tokens), with no model configured: the offline coach answers, as in the quickstart.
 */
// a small pool: the suite's cached contexts share one PostgreSQL with other checkouts
@IntegrationTest(properties = {"agentcoach.coaching.messages-per-minute=5", "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.minimum-idle=1"})
class CoachingSessionsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;
    SignedIn admin;
    SignedIn learner;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
        admin = users.orgAdmin();
        learner = users.member(admin.organizationId(), Role.LEARNER);
    }

    @Test
    void aLearnerOpensRenamesListsAndDeletesSessions() {
        var opened = as(learner, http.request("/api/coaching/sessions").POST(json("{\"title\":\"RAG questions\"}")));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.json().get("id").asString();

        var renamed = as(learner, http.request("/api/coaching/sessions/" + id)
                .method("PATCH", json("{\"title\":\"Chunking\"}")));
        assertThat(renamed.json().get("title").asString()).isEqualTo("Chunking");
        var listed = as(learner, http.request("/api/coaching/sessions").GET());
        assertThat(listed.json()).extracting(n -> n.get("title").asString()).containsExactly("Chunking");

        assertThat(as(learner, http.request("/api/coaching/sessions/" + id).DELETE()).status()).isEqualTo(204);
        var gone = as(learner, http.request("/api/coaching/sessions/" + id).GET());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.isProblem()).isTrue();
    }

    @Test
    void postingAMessageStreamsTheOfflineAnswerAndStoresTheConversation() {
        String id = openSession(learner);

        var response = as(learner, http.request("/api/coaching/sessions/" + id + "/messages")
                .header("Accept", "text/event-stream")
                .POST(json("{\"message\":\"Why does my agent fail?\",\"context\":{\"failures\":[{\"test\":"
                        + "\"test_uses_tool\",\"expected\":\"1 call\",\"actual\":\"0 calls\"}],"
                        + "\"nextSteps\":[\"Retry exercise tools-01\"]}}")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        List<JsonNode> tokens = events(response.body(), "token");
        assertThat(tokens.size()).isGreaterThan(5);
        String streamed = String.join("", tokens.stream().map(t -> t.get("text").asString()).toList());
        assertThat(streamed).contains("**Offline coach**")
                .contains("`test_uses_tool` failed: it expected `1 call` but got `0 calls`")
                .contains("- Retry exercise tools-01");
        JsonNode answer = events(response.body(), "answer").getFirst();
        assertThat(answer.get("model").asString()).isEqualTo("offline");
        assertThat(answer.get("routingReason").asString()).contains("no model provider is configured");
        assertThat(answer.get("allowance").get("remainingUsd").decimalValue()).isEqualByComparingTo("1");

        JsonNode stored = as(learner, http.request("/api/coaching/sessions/" + id).GET()).json().get("messages");
        assertThat(stored).extracting(m -> m.get("role").asString()).containsExactly("learner", "coach");
        assertThat(stored.get(1).get("content").asString()).isEqualTo(streamed);
    }

    @Test
    void anotherLearnersSessionIsNotFoundAndBadMessagesAreRejected() {
        String id = openSession(learner);
        SignedIn stranger = users.member(admin.organizationId(), Role.LEARNER);

        var foreign = as(stranger, http.request("/api/coaching/sessions/" + id + "/messages")
                .POST(json("{\"message\":\"hello\"}")));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(as(stranger, http.request("/api/coaching/sessions/" + id).DELETE()).status()).isEqualTo(404);

        var empty = as(learner, http.request("/api/coaching/sessions/" + id + "/messages")
                .POST(json("{\"message\":\"   \"}")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("/problems/validation-failed");
        var oversized = as(learner, http.request("/api/coaching/sessions/" + id + "/messages")
                .POST(json("{\"message\":\"" + "a".repeat(8_001) + "\"}")));
        assertThat(oversized.status()).isEqualTo(400);
        var anonymous = http.send(http.request("/api/coaching/sessions").GET().build());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aLearnerSendingTooFastIsRateLimitedAndOthersAreNot() {
        String id = openSession(learner);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(as(learner, http.request("/api/coaching/sessions/" + id + "/messages")
                    .POST(json("{\"message\":\"What is an agent?\"}"))).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 7)).containsOnly(429);
        var limited = as(learner, http.request("/api/coaching/sessions/" + id + "/messages")
                .POST(json("{\"message\":\"What is an agent?\"}")));
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.json().get("type").asString()).isEqualTo("/problems/rate-limited");

        SignedIn other = users.learner();
        String otherSession = openSession(other);
        assertThat(as(other, http.request("/api/coaching/sessions/" + otherSession + "/messages")
                .POST(json("{\"message\":\"What is an agent?\"}"))).status()).isEqualTo(200);
        JsonNode stored = as(learner, http.request("/api/coaching/sessions/" + id).GET()).json().get("messages");
        assertThat(stored.size()).isEqualTo(10);
    }

    @Test
    void theLearnerSeesTheRemainingAllowance() {
        JsonNode allowance = as(learner, http.request("/api/coaching/allowance").GET()).json();

        assertThat(allowance.get("remainingUsd").decimalValue()).isEqualByComparingTo("1");
        assertThat(allowance.get("organizationMonthlyBudgetUsd").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void anAdministratorSetsTheBudgetsAndTheLearnerSeesTheNewAllowance() {
        var refused = as(learner, http.request("/api/coaching/organization-policy")
                .PUT(json("{\"learnerDailyUsd\":0.25}")));
        assertThat(refused.status()).isEqualTo(403);

        var set = as(admin, http.request("/api/coaching/organization-policy")
                .PUT(json("{\"monthlyBudgetUsd\":200,\"learnerDailyUsd\":0.25,\"offlineFallback\":false}")));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("learnerDailyUsd").decimalValue()).isEqualByComparingTo("0.25");

        JsonNode allowance = as(learner, http.request("/api/coaching/allowance").GET()).json();
        assertThat(allowance.get("remainingUsd").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(allowance.get("organizationMonthlyBudgetUsd").decimalValue()).isEqualByComparingTo("200");
        assertThat(allowance.get("offlineFallback").asBoolean()).isFalse();

        var negative = as(admin, http.request("/api/coaching/organization-policy")
                .PUT(json("{\"monthlyBudgetUsd\":-1}")));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("type").asString()).isEqualTo("/problems/validation-failed");
    }

    @Test
    void aLearnerChoosesAPreferredModel() {
        var set = as(learner, http.request("/api/coaching/preferences").PUT(json("{\"preferredModel\":\"ollama:llama3.2\"}")));
        assertThat(set.status()).isEqualTo(200);
        var again = as(learner, http.request("/api/coaching/preferences").PUT(json("{\"preferredModel\":\"\"}")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("preferredModel")).isFalse();
    }

    @Test
    void consentToExternalProcessingIsOffUntilTheLearnerGivesIt() {
        assertThat(as(learner, http.request("/api/coaching/consent").GET()).json().get("externalProcessing").asBoolean())
                .isFalse();

        var given = as(learner, http.request("/api/coaching/consent").PUT(json("{\"externalProcessing\":true}")));
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.json().get("externalProcessing").asBoolean()).isTrue();
        assertThat(as(learner, http.request("/api/coaching/consent").GET()).json().get("externalProcessing").asBoolean())
                .isTrue();
        assertThat(as(admin, http.request("/api/coaching/consent").GET()).json().get("externalProcessing").asBoolean())
                .as("consent is per user").isFalse();

        var missing = as(learner, http.request("/api/coaching/consent").PUT(json("{}")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("type").asString()).isEqualTo("/problems/validation-failed");
    }

    private String openSession(SignedIn user) {
        return as(user, http.request("/api/coaching/sessions").POST(json("{}"))).json().get("id").asString();
    }

    private Http.Response as(SignedIn user, HttpRequest.Builder request) {
        return http.send(request.header("Authorization", user.bearer()).header("Content-Type", "application/json")
                .build());
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static List<JsonNode> events(String body, String name) {
        List<JsonNode> found = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (name.equals(event)) {
                found.add(JSON.readTree(data.toString()));
            }
        }
        return found;
    }
}
