package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Mastery updated from answers, on real PostgreSQL under row-level security, and served over HTTP
 * to learners signed in through identity; paths plan over the content fixture's curriculum
 * (llm-messages, then tool-calling-basics).
 */
@IntegrationTest
@RecordApplicationEvents
class MasteryIntegrationTests {

    @Autowired
    Masteries masteries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    TestUsers users;
    final UUID organization = UUID.randomUUID();
    final Instant start = Instant.parse("2026-03-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
    }

    /** A learner row of its own (users are not tenant rows), for tests that call Masteries directly. */
    UUID learner() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, email_key, display_name) values (?, ?, ?, 'Ada')")
                .params(id, id + "@example.org", id + "@example.org").update();
        return id;
    }

    <T> T inOrganization(Supplier<T> work) {
        return Tenants.callAs(organization, work);
    }

    Masteries.Recorded record(AttemptObserved attempt) {
        return Tenants.callAs(attempt.organizationId(), () -> masteries.record(attempt));
    }

    AttemptObserved answer(UUID user, String id, int minute, boolean correct, String... skills) {
        return new AttemptObserved(id, organization, user, null, List.of(skills), correct,
                start.plusSeconds(60L * minute));
    }

    double mastery(UUID user, String skill) {
        return inOrganization(() -> masteries.of(organization, user)).stream().filter(s -> s.skillId().equals(skill))
                .findFirst().orElseThrow().mastery();
    }

    List<MasteryPoint> history(UUID user, String skill) {
        return inOrganization(() -> masteries.history(organization, user, skill));
    }

    @Test
    void correctAnswersRaiseMasteryWithHistoryProficiencyAndAnEvent() {
        UUID user = learner();
        record(answer(user, "a1", 0, false, "tool-calling-basics"));
        double afterMiss = mastery(user, "tool-calling-basics");
        record(answer(user, "a2", 1, true, "tool-calling-basics"));
        record(answer(user, "a3", 2, true, "tool-calling-basics", "llm-messages"));

        SkillMastery toolCalling = inOrganization(() -> masteries.of(organization, user)).getLast();
        assertThat(toolCalling.skillId()).isEqualTo("tool-calling-basics");
        assertThat(toolCalling.mastery()).isGreaterThan(afterMiss);
        assertThat(toolCalling.attempts()).isEqualTo(3);
        assertThat(toolCalling.proficiency()).isEqualTo(SkillMastery.proficiencyOf(toolCalling.mastery()));
        assertThat(history(user, "tool-calling-basics")).extracting(MasteryPoint::attemptId)
                .containsExactly("a1", "a2", "a3");
        assertThat(jdbc.sql("select proficiency from user_skills where user_id = ? and skill_id = 'tool-calling-basics'")
                .param(user).query(Integer.class).single()).isEqualTo(toolCalling.proficiency());
        assertThat(events.stream(MasteryChanged.class).filter(e -> e.userId().equals(user)))
                .extracting(MasteryChanged::attemptId).containsExactly("a1", "a2", "a3");
    }

    @Test
    void theSameAnswerDeliveredTwiceChangesNothing() {
        UUID user = learner();
        record(answer(user, "b1", 0, true, "llm-messages"));
        List<SkillMastery> before = inOrganization(() -> masteries.of(organization, user));
        assertThat(record(answer(user, "b1", 0, true, "llm-messages"))).isEqualTo(new Masteries.Recorded.Duplicate("b1"));
        assertThat(inOrganization(() -> masteries.of(organization, user))).isEqualTo(before);
        assertThat(history(user, "llm-messages")).hasSize(1);
    }

    @Test
    void anAnswerArrivingLateIsReplayedInAnswerOrder() {
        UUID inOrder = learner();
        record(answer(inOrder, "c1", 0, false, "llm-messages"));
        record(answer(inOrder, "c2", 1, false, "llm-messages"));
        record(answer(inOrder, "c3", 2, true, "llm-messages"));

        UUID late = learner();
        record(answer(late, "l1", 0, false, "llm-messages"));
        record(answer(late, "l3", 2, true, "llm-messages"));
        Masteries.Recorded recorded = record(answer(late, "l2", 1, false, "llm-messages"));

        assertThat(recorded).isInstanceOfSatisfying(Masteries.Recorded.Updated.class,
                u -> assertThat(u.replayed()).isTrue());
        assertThat(mastery(late, "llm-messages")).isEqualTo(mastery(inOrder, "llm-messages"));
        assertThat(history(late, "llm-messages")).extracting(MasteryPoint::attemptId).containsExactly("l1", "l2", "l3");
        assertThat(history(late, "llm-messages")).extracting(MasteryPoint::mastery)
                .isEqualTo(history(inOrder, "llm-messages").stream().map(MasteryPoint::mastery).toList());
    }

    @Test
    void anAnswerWithoutSkillsIsRefusedAndOtherTenantsSeeNothing() {
        UUID user = learner();
        assertThatThrownBy(() -> record(answer(user, "d1", 0, true)))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        record(answer(user, "d2", 0, true, "llm-messages"));
        assertThat(inOrganization(() -> masteries.of(organization, user))).hasSize(1);
        // bound to another organization, row-level security hides the rows even when asked for by id
        assertThat(Tenants.callAs(UUID.randomUUID(), () -> masteries.of(organization, user))).isEmpty();
        assertThat(Tenants.callAs(UUID.randomUUID(), () -> masteries.history(organization, user, "llm-messages")))
                .isEmpty();
    }

    @Test
    void answersOnSkillsOrItemsTheCurriculumDoesNotHaveAreRefusedAndChangeNothing() {
        UUID user = learner();
        List<AttemptObserved> unknown = List.of(
                answer(user, "u1", 0, true, "juggling"),
                answer(user, "u2", 0, true, "llm-messages", "juggling"),
                new AttemptObserved("u3", organization, user, "no-such-exercise", List.of("llm-messages"), true, start),
                new AttemptObserved("u4", organization, user, "messages/no-such-check", List.of("llm-messages"), true,
                        start),
                new AttemptObserved("u5", organization, user, "x".repeat(201), List.of("llm-messages"), true, start));
        for (AttemptObserved attempt : unknown) {
            assertThatThrownBy(() -> record(attempt)).as(attempt.attemptId())
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(422);
                        assertThat(e.getBody().getType().toString()).isEqualTo("/problems/unprocessable");
                    });
        }
        assertThat(inOrganization(() -> masteries.of(organization, user))).isEmpty();
        assertThat(inOrganization(() -> jdbc.sql("select count(*) from mastery_attempts where user_id = ?").param(user)
                .query(Integer.class).single())).isZero();
        // known items: an exercise, a lesson's check question
        record(new AttemptObserved("k1", organization, user, "add-numbers", List.of("tool-calling-basics"), true, start));
        record(new AttemptObserved("k2", organization, user, "messages/stateless", List.of("llm-messages"), true,
                start.plusSeconds(1)));
        assertThat(inOrganization(() -> masteries.of(organization, user))).hasSize(2);
    }

    @Test
    void anAnswerForAnotherOrganizationThanTheBoundOneIsRefused() {
        UUID user = learner();
        AttemptObserved elsewhere = answer(user, "x1", 0, true, "llm-messages");
        assertThatThrownBy(() -> Tenants.runAs(UUID.randomUUID(), () -> masteries.record(elsewhere)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        assertThat(inOrganization(() -> masteries.of(organization, user))).isEmpty();
    }

    @Test
    void theLearnerReadsTheirOwnMasteryAndHistoryOverHttp() {
        TestUsers.SignedIn ada = users.learner();
        TestUsers.SignedIn bob = users.member(ada.organizationId(), Role.LEARNER);
        Tenants.runAs(ada.organizationId(), () -> masteries.record(new AttemptObserved("e1", ada.organizationId(),
                ada.userId(), "messages/stateless", List.of("llm-messages"), true, start)));

        Http anonymous = new Http(port);
        for (String path : List.of("/api/mastery", "/api/mastery/skills/llm-messages/history", "/api/mastery/path",
                "/api/mastery/goal")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }

        Http.Response mine = ada.get("/api/mastery");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("skills").get(0).path("skillId").asString()).isEqualTo("llm-messages");
        assertThat(mine.json().path("skills").get(0).path("proficiency").asInt()).isBetween(0, 100);
        Http.Response history = ada.get("/api/mastery/skills/llm-messages/history");
        assertThat(history.json().path("points").get(0).path("attemptId").asString()).isEqualTo("e1");

        // a colleague in the same organization sees only their own estimates
        assertThat(bob.get("/api/mastery").json().path("skills")).isEmpty();
        assertThat(bob.get("/api/mastery/skills/llm-messages/history").json().path("points")).isEmpty();
        // a skill the curriculum does not know, and a goal never set, are not found
        assertThat(ada.get("/api/mastery/skills/juggling/history").status()).isEqualTo(404);
        assertThat(ada.get("/api/mastery/goal").status()).isEqualTo(404);
    }

    @Test
    void thePathFollowsTheGoalAndChangesAsSoonAsAPrerequisiteIsMastered() {
        TestUsers.SignedIn ada = users.learner();
        assertThat(ada.putJson("/api/mastery/goal", "{\"skillId\":\"tool-calling-basics\"}").status())
                .isEqualTo(200);
        assertThat(ada.get("/api/mastery/goal").json().path("skillId").asString()).isEqualTo("tool-calling-basics");

        Http.Response before = ada.get("/api/mastery/path");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("goalSkillId").asString()).isEqualTo("tool-calling-basics");
        assertThat(before.json().path("steps").get(0).path("skillIds").get(0).asString()).isEqualTo("llm-messages");
        assertThat(before.json().path("steps").get(0).path("reason").asString()).isNotBlank();
        assertThat(before.json().path("steps").findValuesAsString("activityId")).doesNotContain("add-numbers");

        // answered just now: a skill mastered long ago would come back first as a review
        Instant now = Instant.now();
        Tenants.runAs(ada.organizationId(), () -> {
            masteries.record(new AttemptObserved("p1", ada.organizationId(), ada.userId(), "messages/stateless",
                    List.of("llm-messages"), true, now.minusSeconds(60)));
            masteries.record(new AttemptObserved("p2", ada.organizationId(), ada.userId(), "messages/tool-role",
                    List.of("llm-messages"), true, now));
        });

        Http.Response after = ada.get("/api/mastery/path?limit=2");
        assertThat(after.json().path("steps")).hasSize(2);
        assertThat(after.json().path("steps").get(0).path("skillIds").get(0).asString())
                .isEqualTo("tool-calling-basics");
        assertThat(events.stream(PathChanged.class).filter(e -> e.userId().equals(ada.userId())).toList().getLast()
                .activityIds()).contains("add-numbers");

        assertThat(ada.get("/api/mastery/path?goal=juggling").json().path("type").asString())
                .isEqualTo("/problems/unprocessable");
        assertThat(ada.putJson("/api/mastery/goal", "{\"skillId\":\"juggling\"}").status()).isEqualTo(422);
        assertThat(ada.putJson("/api/mastery/goal", "{}").status()).isEqualTo(400);
        assertThat(ada.get("/api/mastery/path?limit=0").status()).isEqualTo(400);
    }

    @Test
    void theForecastCountsTheActivitiesLeftToTheGoalAndShrinksWithProgress() {
        TestUsers.SignedIn ada = users.learner();
        assertThat(ada.get("/api/mastery/forecast").status()).as("no goal yet").isEqualTo(404);
        assertThat(ada.get("/api/mastery/forecast?goal=juggling").status()).isEqualTo(422);
        ada.putJson("/api/mastery/goal", "{\"skillId\":\"tool-calling-basics\"}");

        JsonNode before = ada.get("/api/mastery/forecast").json();
        assertThat(before.path("goalSkillId").asString()).isEqualTo("tool-calling-basics");
        assertThat(before.path("skills").findValuesAsString("skillId"))
                .containsExactly("llm-messages", "tool-calling-basics");
        assertThat(before.path("expectedActivities").asInt()).isPositive();
        assertThat(before.path("expectedMinutes").asInt()).isGreaterThanOrEqualTo(before.path("expectedActivities")
                .asInt());

        Instant now = Instant.now();
        Tenants.runAs(ada.organizationId(), () -> List.of("messages/stateless", "messages/tool-role").forEach(
                check -> masteries.record(new AttemptObserved(check, ada.organizationId(), ada.userId(), check,
                        List.of("llm-messages"), true, now))));
        JsonNode after = ada.get("/api/mastery/forecast").json();
        assertThat(after.path("skills").findValuesAsString("skillId")).containsExactly("tool-calling-basics");
        assertThat(after.path("expectedActivities").asInt()).isLessThan(before.path("expectedActivities").asInt());
        assertThat(new Http(port).get("/api/mastery/forecast").status()).isEqualTo(401);
    }
}
