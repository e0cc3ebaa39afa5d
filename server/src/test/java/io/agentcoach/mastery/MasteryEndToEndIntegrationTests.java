package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentcoach.mastery.tracing.BayesianKnowledgeTracing;
import io.agentcoach.platform.Tenants;
import io.agentcoach.practice.SubmissionGraded;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From sign-up to mastery: a learner solves the fixture's add-numbers through the practice API
 * (graded in the real sandbox), the SubmissionGraded event raises their mastery of the exercise's
 * skill and re-plans their path, and the same event delivered again changes nothing.
 */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=5")
@Import(MasteryEndToEndIntegrationTests.GradedEvents.class)
@DirtiesContext
class MasteryEndToEndIntegrationTests {

    static final String CORRECT = "{\"code\": \"def add(a, b):\\n    return a + b\\n\"}";

    /** Records every {@link SubmissionGraded}, to deliver one again. */
    @TestConfiguration
    static class GradedEvents {

        final List<SubmissionGraded> graded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SubmissionGraded event) {
            graded.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GradedEvents events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Masteries masteries;

    static JsonNode skill(TestUsers.SignedIn learner, String skillId) {
        for (JsonNode skill : learner.get("/api/mastery").json().path("skills")) {
            if (skill.path("skillId").asString().equals(skillId)) {
                return skill;
            }
        }
        return null;
    }

    /** Completed deliveries of graded submission {@code id} to mastery's listener. */
    int deliveredToMastery(String id) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id like '%GradedSubmissions%' and serialized_event like ? and completion_date is not null""")
                .param("%" + id + "%").query(Integer.class).single();
    }

    @Test
    void aCorrectSubmissionRaisesTheSkillsMasteryAndChangesThePathOnce() {
        TestUsers.SignedIn ada = new TestUsers(new Http(port), jdbc).learner();
        assertThat(ada.get("/api/mastery").json().path("skills")).isEmpty();
        // Ada already answered the first lesson's checks right, so tool calling is unlocked for her
        Instant now = Instant.now();
        Tenants.runAs(ada.organizationId(), () -> List.of("messages/stateless", "messages/tool-role").forEach(
                check -> masteries.record(new AttemptObserved(check, ada.organizationId(), ada.userId(), check,
                        List.of("llm-messages"), true, now.minusSeconds(60)))));
        JsonNode pathBefore = ada.get("/api/mastery/path").json().path("steps");
        assertThat(pathBefore.findValuesAsString("activityId")).contains("add-numbers");

        Http.Response started = ada.postJson("/api/practice/exercises/add-numbers/attempts", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String attempt = started.json().get("id").asString();
        Http.Response accepted = ada.http().send(ada.request("/api/practice/attempts/" + attempt + "/submissions")
                .header("Content-Type", "application/json").header("Idempotency-Key", "e2e-1")
                .POST(HttpRequest.BodyPublishers.ofString(CORRECT)).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String submission = accepted.json().get("id").asString();

        JsonNode graded = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> ada.get("/api/practice/submissions/" + submission).json(),
                s -> s.get("status").asString().equals("graded"));
        assertThat(graded.get("verdict").get("passed").asBoolean()).isTrue();

        JsonNode toolCalling = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> skill(ada, "tool-calling-basics"), s -> s != null);
        assertThat(toolCalling.path("attempts").asInt()).isEqualTo(1);
        // above the prior of a learner never seen: a right answer raised it
        assertThat(toolCalling.path("mastery").asDouble()).isGreaterThan(
                BayesianKnowledgeTracing.unfitted().newLearner().mastery(0));
        JsonNode history = ada.get("/api/mastery/skills/tool-calling-basics/history").json().path("points");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("attemptId").asString()).isEqualTo(submission);
        JsonNode pathAfter = ada.get("/api/mastery/path").json().path("steps");
        assertThat(pathAfter).isNotEqualTo(pathBefore);

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredToMastery(submission) == 1);
        SubmissionGraded event = events.graded.stream().filter(e -> e.submissionId().toString().equals(submission))
                .findFirst().orElseThrow();
        String masteryBefore = ada.get("/api/mastery").body();
        Tenants.runAs(ada.organizationId(), () -> transactions.executeWithoutResult(s -> publisher.publishEvent(event)));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredToMastery(submission) == 2);

        assertThat(ada.get("/api/mastery").body()).isEqualTo(masteryBefore);
        assertThat(ada.get("/api/mastery/skills/tool-calling-basics/history").json().path("points")).hasSize(1);
        assertThat(ada.get("/api/mastery/path").json().path("steps")).isEqualTo(pathAfter);
    }
}
