package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.agentcoach.identity.Role;
import io.agentcoach.mastery.path.PathPlanner;
import io.agentcoach.mastery.path.Placement;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Placement over HTTP on the content fixture's check questions (two per skill: llm-messages and
 * tool-calling-basics), with real sign-up, PostgreSQL and row-level security.
 */
@IntegrationTest
class PlacementIntegrationTests {

    /** The fixture's right answers: a choice question's option index, a short question's text. */
    static final Map<String, String> RIGHT = Map.of("messages/stateless", "0", "messages/tool-role", "Tool",
            "tools/who-runs", "1", "tools/result-role", "tool");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
    }

    static Http.Response answer(TestUsers.SignedIn learner, String itemId, String answer) {
        return learner.postJson("/api/mastery/placement/answers",
                "{\"itemId\": \"%s\", \"answer\": \"%s\"}".formatted(itemId, answer));
    }

    /** Answers every question until the placement ends, right when {@code knows} says so; returns the end state. */
    static JsonNode takePlacement(TestUsers.SignedIn learner, Set<String> knows) {
        Http.Response started = learner.postJson("/api/mastery/placement", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode state = started.json();
        Set<String> asked = new HashSet<>();
        while (state.path("status").asString().equals("IN_PROGRESS")) {
            JsonNode question = state.path("question");
            String item = question.path("itemId").asString();
            assertThat(asked.add(item)).as("asked once: " + item).isTrue();
            assertThat(question.path("prompt").asString()).isNotBlank();
            assertThat(question.has("answer") || question.has("accepted") || question.has("explanation"))
                    .as("the answer is never shown").isFalse();
            if (question.path("type").asString().equals("choice")) {
                assertThat(question.path("options")).hasSize(3);
            }
            boolean right = knows.contains(question.path("skillId").asString());
            Http.Response answered = answer(learner, item, right ? RIGHT.get(item) : "no idea");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            state = answered.json();
            assertThat(state.path("asked").asInt()).isEqualTo(asked.size());
        }
        assertThat(state.path("status").asString()).isEqualTo("FINISHED");
        assertThat(state.path("asked").asInt()).isBetween(1, Placement.MAX_ITEMS);
        assertThat(state.has("question")).isFalse();
        return state;
    }

    static double mastery(TestUsers.SignedIn learner, String skillId) {
        for (JsonNode skill : learner.get("/api/mastery").json().path("skills")) {
            if (skill.path("skillId").asString().equals(skillId)) {
                return skill.path("mastery").asDouble();
            }
        }
        return -1;
    }

    @Test
    void aLearnerWhoKnowsTheBasicsIsPlacedAndTheirEstimatesAndPathFollow() {
        TestUsers.SignedIn ada = users.learner();
        assertThat(ada.get("/api/mastery/path").json().path("steps").get(0).path("skillIds").get(0).asString())
                .isEqualTo("llm-messages");

        JsonNode placed = takePlacement(ada, Set.of("llm-messages"));
        assertThat(placed.path("estimates").path("llm-messages").asDouble()).isGreaterThanOrEqualTo(PathPlanner.MASTERED);
        assertThat(placed.path("estimates").path("tool-calling-basics").asDouble())
                .isLessThanOrEqualTo(Placement.CONFIDENT_LOW);

        // the answers set the learner's estimates, and the path moves on to what they do not know yet
        assertThat(mastery(ada, "llm-messages")).isGreaterThanOrEqualTo(PathPlanner.MASTERED);
        assertThat(mastery(ada, "tool-calling-basics")).isBetween(0.0, Placement.CONFIDENT_LOW);
        assertThat(ada.get("/api/mastery/path").json().path("steps").get(0).path("skillIds").get(0).asString())
                .isEqualTo("tool-calling-basics");
        assertThat(ada.get("/api/mastery/placement").json().path("status").asString()).isEqualTo("FINISHED");

        // a retake starts a new placement; starting again while it runs returns the same one
        Http.Response retake = ada.postJson("/api/mastery/placement", "{}");
        assertThat(retake.status()).isEqualTo(201);
        assertThat(retake.json().path("id").asString()).isNotEqualTo(placed.path("id").asString());
        assertThat(retake.json().path("asked").asInt()).isZero();
        Http.Response again = ada.postJson("/api/mastery/placement", "{\"skip\": true}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(retake.json().path("id").asString());
        assertThat(again.json().path("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLearnerWhoKnowsNothingEndsLowEverywhere() {
        TestUsers.SignedIn bob = users.learner();
        JsonNode placed = takePlacement(bob, Set.of());
        placed.path("estimates").properties().forEach(e -> assertThat(e.getValue().asDouble()).as(e.getKey())
                .isLessThanOrEqualTo(Placement.CONFIDENT_LOW));
        assertThat(bob.get("/api/mastery").json().path("skills")).isNotEmpty();
    }

    @Test
    void skippingStartsFromZeroAndTheLearnerMayTakeItLater() {
        TestUsers.SignedIn cy = users.learner();
        Http.Response skipped = cy.postJson("/api/mastery/placement", "{\"skip\": true}");
        assertThat(skipped.status()).isEqualTo(201);
        assertThat(skipped.json().path("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.json().has("question")).isFalse();
        assertThat(cy.get("/api/mastery").json().path("skills")).isEmpty();
        assertThat(answer(cy, "messages/stateless", "0").status()).isEqualTo(409);

        Http.Response later = cy.postJson("/api/mastery/placement", "");
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(later.json().path("question").path("itemId").asString()).isIn(RIGHT.keySet());
    }

    @Test
    void answersAreCheckedAgainstTheCurrentQuestionAndRetriesCountOnce() {
        TestUsers.SignedIn dee = users.learner();
        assertThat(dee.get("/api/mastery/placement").status()).isEqualTo(404);
        assertThat(answer(dee, "messages/stateless", "0").json().path("type").asString())
                .isEqualTo("/problems/conflict");

        JsonNode state = dee.postJson("/api/mastery/placement", "{}").json();
        String current = state.path("question").path("itemId").asString();
        String other = RIGHT.keySet().stream().filter(k -> !k.equals(current)).findFirst().orElseThrow();
        assertThat(answer(dee, other, RIGHT.get(other)).status()).isEqualTo(409);
        assertThat(dee.postJson("/api/mastery/placement/answers", "{\"itemId\": \"" + current + "\"}").status())
                .isEqualTo(400);
        assertThat(dee.postJson("/api/mastery/placement/answers", "{\"answer\": \"0\"}").status()).isEqualTo(400);

        JsonNode first = answer(dee, current, RIGHT.get(current)).json();
        assertThat(first.path("asked").asInt()).isEqualTo(1);
        Http.Response retried = answer(dee, current, RIGHT.get(current));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("asked").asInt()).isEqualTo(1);
        assertThat(retried.json().path("estimates")).isEqualTo(first.path("estimates"));
        String skill = state.path("question").path("skillId").asString();
        assertThat(dee.get("/api/mastery/skills/" + skill + "/history").json().path("points")).hasSize(1);

        // a colleague sees no placement of theirs; without credentials every endpoint is 401
        TestUsers.SignedIn colleague = users.member(dee.organizationId(), Role.LEARNER);
        assertThat(colleague.get("/api/mastery/placement").status()).isEqualTo(404);
        Http anonymous = new Http(port);
        assertThat(anonymous.get("/api/mastery/placement").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/mastery/placement", "{}").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/mastery/placement/answers", "{\"itemId\":\"x\",\"answer\":\"0\"}")
                .status()).isEqualTo(401);
        assertThat(dee.get("/api/mastery/placement").json().path("asked").asInt()).isEqualTo(1);
    }
}
