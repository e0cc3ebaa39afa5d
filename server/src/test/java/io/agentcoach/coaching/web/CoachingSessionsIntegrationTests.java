package io.agentcoach.coaching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentcoach.coaching.LearnerFixtures;
import io.agentcoach.coaching.PlanEvents;
import io.agentcoach.coaching.SseEvents;
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
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions and streamed answers over real HTTP, signed in through identity (real sign-up, bearer
 * tokens), with no model configured: the offline coach answers, as in the quickstart.
 */
// a small pool: the suite's cached contexts share one PostgreSQL with other checkouts
@IntegrationTest(properties = {"agentcoach.coaching.messages-per-minute=5", "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.minimum-idle=1", "agentcoach.coaching.context.max-history-tokens=200"})
@Import(PlanEvents.class)
class CoachingSessionsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanEvents planEvents;

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

    @Test
    void theOfflineCoachReadsTheLatestTestResultsThroughItsToolAndTheSessionShowsTheCall() {
        LearnerFixtures.submitAndAwaitGrading(learner, "def add(a, b):\n    return abs(a) + abs(b)\n");
        String session = LearnerFixtures.openSession(learner, "add-numbers");

        var response = LearnerFixtures.post(learner, session, "Why does my test fail?");

        String streamed = SseEvents.streamedText(response.body());
        assertThat(streamed).contains("**Offline coach**").contains("`test_negative` failed")
                .contains("a hidden test failed").contains("Start with `test_negative`");
        JsonNode answer = events(response.body(), "answer").getFirst();
        assertThat(answer.get("toolCalls")).singleElement().satisfies(call -> {
            assertThat(call.get("tool").asString()).isEqualTo("latest_work");
            assertThat(call.get("outcome").asString()).isEqualTo("ok");
        });
        JsonNode stored = learner.get("/api/coaching/sessions/" + session).json().get("messages");
        assertThat(stored.get(1).get("toolCalls").get(0).get("resultExcerpt").asString()).contains("abs(a)");
    }

    @Test
    void theOfflineCoachKeepsAnExtractiveSummaryOfOlderTurnsWithTheSession() {
        String session = openSession(learner);
        for (String question : List.of("How do I retry a flaky tool call in my agent?",
                "How do I cap the total time of an agent run?", "What is a golden set for evaluating agents?")) {
            LearnerFixtures.post(learner, session, question);
        }

        String summary = learner.get("/api/coaching/sessions/" + session).json().get("summary").asString();

        assertThat(summary).startsWith("Earlier in this conversation:")
                .contains("- The learner asked: How do I retry a flaky tool call in my agent?");
    }

    @Test
    void withoutAModelTheOfflineCrewWritesAPlanFromTheLearningPathLabelledOffline() {
        var created = learner.postJson("/api/coaching/plans", "{\"goalSkillId\":\"tool-calling-basics\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode plan = created.json();
        assertThat(plan.get("offline").asBoolean()).isTrue();
        assertThat(plan.get("models")).extracting(JsonNode::asString).containsExactly("offline");
        assertThat(plan.get("content").asString()).startsWith("**Offline coach** (no AI model was used for this plan: "
                + "no AI model is configured on this server").contains("## Your goal\nMaster Tool calling")
                .contains("### Week 1\n1. Messages and roles [messages]")
                .contains("### Then, toward the goal\n- Tool calling: about")
                .contains("## Mentor's corrections\nNone needed");
        assertThat(plan.get("draft").asString()).doesNotContain("Mentor's corrections");
        assertThat(planEvents.of(learner.userId())).singleElement()
                .satisfies(e -> assertThat(e.models()).containsExactly("offline"));
        var again = learner.postJson("/api/coaching/plans", "{\"goalSkillId\":\"tool-calling-basics\"}").json();
        assertThat(again.get("content").asString()).as("deterministic").isEqualTo(plan.get("content").asString());
        assertThat(learner.get("/api/coaching/plans").json().size()).isEqualTo(2);

        var unknownGoal = learner.postJson("/api/coaching/plans", "{\"goalSkillId\":\"no-such-skill\"}");
        assertThat(unknownGoal.status()).isEqualTo(422);
        var longGoal = learner.postJson("/api/coaching/plans", "{\"goal\":\"" + "g".repeat(1001) + "\"}");
        assertThat(longGoal.status()).isEqualTo(400);
        assertThat(longGoal.json().get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(users.learner().get("/api/coaching/plans/" + plan.get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void withoutAModelTheOfflineCrewReviewsASubmissionWithoutShowingASolution() {
        String submission = LearnerFixtures.submitAndAwaitGrading(learner,
                "def add(a, b):\n    return abs(a) + abs(b)\n");

        var created = learner.postJson("/api/coaching/reviews", "{\"submissionId\":\"" + submission + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String content = created.json().get("content").asString();
        assertThat(content).startsWith("**Offline coach**").contains("1 of 2 tests passed")
                .contains("`test_negative` (hidden) failed: a hidden test failed").contains("Hint: Look at the operator.")
                .contains("shows no solution code").doesNotContain("return a + b");
        assertThat(learner.get("/api/coaching/reviews").json()).hasSize(1);
        assertThat(learner.postJson("/api/coaching/reviews", "{}").status()).isEqualTo(400);
        assertThat(learner.postJson("/api/coaching/reviews", "{\"submissionId\":\"" + UUID.randomUUID() + "\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void anOrganizationAdministratorSeesTheCoachsUsageByDayMemberAndModel() {
        String session = openSession(learner);
        LearnerFixtures.post(learner, session, "What is an agent loop?");
        LearnerFixtures.post(learner, session, "What is tool calling in an agent?");
        var policy = as(admin, http.request("/api/coaching/organization-policy")
                .PUT(json("{\"monthlyBudgetUsd\":120,\"learnerDailyUsd\":0.5}")));
        assertThat(policy.status()).isEqualTo(200);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

        var response = admin.get("/api/coaching/organization/usage");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode usage = response.json();
        assertThat(usage.get("organizationId").asString()).isEqualTo(admin.organizationId().toString());
        assertThat(usage.get("from").asString()).isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(usage.get("to").asString()).isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).toString());
        assertThat(usage.get("currency").asString()).isEqualTo("USD");
        assertThat(usage.get("budget").get("monthlyBudgetUsd").decimalValue()).isEqualByComparingTo("120");
        assertThat(usage.get("budget").get("dailyAllowancePerLearnerUsd").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(usage.get("budget").get("spentThisMonthUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(usage.get("byDay")).hasSize(today.lengthOfMonth());
        JsonNode day = java.util.stream.StreamSupport.stream(usage.get("byDay").spliterator(), false)
                .filter(d -> d.get("date").asString().equals(today.toString())).findFirst().orElseThrow();
        assertThat(day.get("messages").asLong()).isEqualTo(2);
        assertThat(usage.get("byMember")).singleElement().satisfies(member -> {
            assertThat(member.get("userId").asString()).isEqualTo(learner.userId().toString());
            assertThat(member.get("displayName").asString()).isEqualTo("Test User");
            assertThat(member.get("messages").asLong()).isEqualTo(2);
        });
        assertThat(usage.get("byModel")).singleElement().satisfies(model -> {
            assertThat(model.get("model").asString()).isEqualTo("offline");
            assertThat(model.get("costUsd").decimalValue()).isEqualByComparingTo("0");
        });

        var yesterdayOnly = admin.get("/api/coaching/organization/usage?from=" + today.minusDays(1) + "&to="
                + today.minusDays(1)).json();
        assertThat(yesterdayOnly.get("byDay")).hasSize(1);
        assertThat(yesterdayOnly.get("byMember")).isEmpty();
    }

    @Test
    void theUsageReportIsForAdministratorsOfTheOrganizationOnly() {
        LearnerFixtures.post(learner, openSession(learner), "What is an agent loop?");
        SignedIn otherAdmin = users.orgAdmin();

        assertThat(learner.get("/api/coaching/organization/usage").status()).isEqualTo(403);
        var own = otherAdmin.get("/api/coaching/organization/usage").json();
        assertThat(own.get("organizationId").asString()).isEqualTo(otherAdmin.organizationId().toString());
        assertThat(own.get("byMember")).isEmpty();
        var foreign = otherAdmin.get("/api/coaching/organization/usage?organizationId=" + admin.organizationId());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/not-found");

        var backwards = admin.get("/api/coaching/organization/usage?from=2026-03-10&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.isProblem()).isTrue();
        assertThat(admin.get("/api/coaching/organization/usage?from=2024-01-01&to=2026-01-01").status()).isEqualTo(400);
        var garbled = admin.get("/api/coaching/organization/usage?from=yesterday");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.isProblem()).isTrue();
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
        return SseEvents.named(body, name);
    }
}
