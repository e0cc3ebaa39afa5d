package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;

/**
 * Evidence from the content module: check-question answers and hints a learner is shown, taken
 * through the real HTTP endpoints of content into mastery (PostgreSQL, row-level security).
 * Fixture: lesson {@code messages} with checks {@code stateless} (answer 0) and {@code tool-role}
 * on skill {@code llm-messages}; exercise {@code add-numbers} (skill tool-calling-basics, 3 hints).
 */
@IntegrationTest
@RecordApplicationEvents
class MasteryEvidenceIntegrationTests {

    @Autowired
    Masteries masteries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
    }

    double mastery(TestUsers.SignedIn learner, String skill) {
        return Tenants.callAs(learner.organizationId(), () -> masteries.of(learner.organizationId(), learner.userId()))
                .stream().filter(s -> s.skillId().equals(skill)).findFirst().orElseThrow().mastery();
    }

    int rows(String table, UUID userId) {
        return Tenants.callAsSystem(() -> jdbc.sql("select count(*) from " + table + " where user_id = ?")
                .param(userId).query(Integer.class).single());
    }

    void solved(TestUsers.SignedIn learner, String attemptId, Instant at) {
        Tenants.runAs(learner.organizationId(), () -> masteries.record(new AttemptObserved(attemptId,
                learner.organizationId(), learner.userId(), "add-numbers", List.of("tool-calling-basics"), true, at)));
    }

    @Test
    void checkAnswersOverHttpUpdateTheLearnersMastery() {
        TestUsers.SignedIn right = users.learner();
        TestUsers.SignedIn wrong = users.learner();
        assertThat(right.postJson("/api/content/lessons/messages/checks/stateless", "{\"answer\":\"0\"}").json()
                .path("correct").asBoolean()).isTrue();
        assertThat(wrong.postJson("/api/content/lessons/messages/checks/stateless", "{\"answer\":\"2\"}").json()
                .path("correct").asBoolean()).isFalse();

        assertThat(mastery(right, "llm-messages")).isGreaterThan(mastery(wrong, "llm-messages"));
        assertThat(Tenants.callAs(right.organizationId(),
                () -> masteries.history(right.organizationId(), right.userId(), "llm-messages"))).hasSize(1);
        // without credentials the content API refuses, and nothing is recorded
        int before = Tenants.callAsSystem(() -> jdbc.sql("select count(*) from mastery_attempts")
                .query(Integer.class).single());
        assertThat(new Http(port).postJson("/api/content/lessons/messages/checks/stateless", "{\"answer\":\"0\"}")
                .status()).isEqualTo(401);
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from mastery_attempts")
                .query(Integer.class).single())).isEqualTo(before);
    }

    @Test
    void aHintShownBeforeARightAnswerLowersItsCreditAndShowingItAgainChangesNothing() {
        TestUsers.SignedIn unaided = users.learner();
        TestUsers.SignedIn helped = users.learner();
        assertThat(helped.get("/api/content/exercises/add-numbers/hints/1").status()).isEqualTo(200);
        assertThat(helped.get("/api/content/exercises/add-numbers/hints/1").status()).isEqualTo(200);
        assertThat(rows("mastery_hints", helped.userId())).isEqualTo(1);
        // a hint that does not exist is a 404 and is not recorded
        assertThat(helped.get("/api/content/exercises/add-numbers/hints/9").status()).isEqualTo(404);
        assertThat(rows("mastery_hints", helped.userId())).isEqualTo(1);

        Instant now = Instant.now().plusSeconds(1);
        solved(unaided, "s-unaided", now);
        solved(helped, "s-helped", now);
        double withOneHint = mastery(helped, "tool-calling-basics");
        assertThat(withOneHint).isLessThan(mastery(unaided, "tool-calling-basics"));

        // a second hint before another right answer: that answer counts for a third
        TestUsers.SignedIn twice = users.learner();
        twice.get("/api/content/exercises/add-numbers/hints/1");
        twice.get("/api/content/exercises/add-numbers/hints/2");
        solved(twice, "s-twice", Instant.now().plusSeconds(1));
        assertThat(mastery(twice, "tool-calling-basics")).isLessThan(withOneHint);
    }

    @Test
    void aHintArrivingAfterTheAnswerItPrecededRecomputesTheEstimates() {
        TestUsers.SignedIn learner = users.learner();
        Instant answered = Instant.parse("2026-03-01T10:05:00Z");
        solved(learner, "late-1", answered);
        double unaided = mastery(learner, "tool-calling-basics");

        boolean recorded = Tenants.callAs(learner.organizationId(), () -> masteries.recordHint(new HintUsed(
                learner.organizationId(), learner.userId(), "add-numbers", 1, answered.minusSeconds(60))));
        assertThat(recorded).isTrue();
        assertThat(mastery(learner, "tool-calling-basics")).isLessThan(unaided);
        assertThat(Tenants.callAs(learner.organizationId(), () -> masteries.history(learner.organizationId(),
                learner.userId(), "tool-calling-basics"))).hasSize(1);
        assertThat(events.stream(MasteryChanged.class).filter(e -> e.userId().equals(learner.userId())))
                .extracting(MasteryChanged::attemptId).containsExactly("late-1", "hint:add-numbers#1");

        // the same hint again: nothing changes, no event
        double after = mastery(learner, "tool-calling-basics");
        assertThat(Tenants.callAs(learner.organizationId(), () -> masteries.recordHint(new HintUsed(
                learner.organizationId(), learner.userId(), "add-numbers", 1, answered.minusSeconds(30))))).isFalse();
        assertThat(mastery(learner, "tool-calling-basics")).isEqualTo(after);
        // a hint shown after the answer does not lower it
        Tenants.runAs(learner.organizationId(), () -> masteries.recordHint(new HintUsed(learner.organizationId(),
                learner.userId(), "add-numbers", 2, answered.plusSeconds(60))));
        assertThat(mastery(learner, "tool-calling-basics")).isEqualTo(after);
    }

    @Test
    void aHintWithoutItemOrNumberIsRefused() {
        TestUsers.SignedIn learner = users.learner();
        for (HintUsed bad : List.of(
                new HintUsed(learner.organizationId(), learner.userId(), "add-numbers", 0, Instant.now()),
                new HintUsed(learner.organizationId(), learner.userId(), " ", 1, Instant.now()),
                new HintUsed(learner.organizationId(), learner.userId(), "add-numbers", 1, null))) {
            assertThatThrownBy(() -> Tenants.runAs(learner.organizationId(), () -> masteries.recordHint(bad)))
                    .isInstanceOfSatisfying(ErrorResponseException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        }
        assertThat(rows("mastery_hints", learner.userId())).isZero();
    }
}
