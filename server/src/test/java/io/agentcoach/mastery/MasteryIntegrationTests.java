package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.Role;
import io.agentcoach.mastery.path.CurriculumFixture;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import io.agentcoach.testing.TestUsers.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;

/** Mastery updated from answers, on real PostgreSQL, and served to the learner over HTTP. */
@IntegrationTest
@RecordApplicationEvents
class MasteryIntegrationTests {

    @TestConfiguration
    static class Caller {
        @Bean
        Curriculum curriculum() {
            return new CurriculumFixture();
        }
    }

    @Autowired
    Masteries masteries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    TestUsers users;
    UUID organization;
    final Instant start = Instant.parse("2026-03-01T10:00:00Z");

    @BeforeEach
    void organization() {
        users = new TestUsers(new Http(port), jdbc);
        organization = users.orgAdmin().organizationId();
    }

    /** A learner signed up through identity, a member of the test's organization. */
    SignedIn signedInLearner() {
        return users.member(organization, Role.LEARNER);
    }

    UUID learner() {
        return signedInLearner().userId();
    }

    /** Runs a test's body bound to the organization, as identity binds a request (row-level security). */
    void asOrganization(Runnable body) {
        Tenants.runAs(organization, body);
    }

    AttemptObserved answer(UUID user, String id, int minute, boolean correct, String... skills) {
        return new AttemptObserved(id, organization, user, "item-" + id, List.of(skills), correct,
                start.plusSeconds(60L * minute));
    }

    double mastery(UUID user, String skill) {
        return masteries.of(organization, user).stream().filter(s -> s.skillId().equals(skill)).findFirst()
                .orElseThrow().mastery();
    }

    @Test
    void correctAnswersRaiseMasteryWithHistoryProficiencyAndAnEvent() {
        asOrganization(() -> {
            UUID user = learner();
            masteries.record(answer(user, "a1", 0, false, "tool-calling"));
            double afterMiss = mastery(user, "tool-calling");
            masteries.record(answer(user, "a2", 1, true, "tool-calling"));
            masteries.record(answer(user, "a3", 2, true, "tool-calling", "react-loop"));

            SkillMastery toolCalling = masteries.of(organization, user).getLast();
            assertThat(toolCalling.skillId()).isEqualTo("tool-calling");
            assertThat(toolCalling.mastery()).isGreaterThan(afterMiss);
            assertThat(toolCalling.attempts()).isEqualTo(3);
            assertThat(toolCalling.proficiency()).isEqualTo(SkillMastery.proficiencyOf(toolCalling.mastery()));
            assertThat(masteries.history(organization, user, "tool-calling")).extracting(MasteryPoint::attemptId)
                    .containsExactly("a1", "a2", "a3");
            assertThat(jdbc.sql("select proficiency from user_skills where user_id = ? and skill_id = 'tool-calling'")
                    .param(user).query(Integer.class).single()).isEqualTo(toolCalling.proficiency());
            assertThat(events.stream(MasteryChanged.class).filter(e -> e.userId().equals(user)))
                    .extracting(MasteryChanged::attemptId).containsExactly("a1", "a2", "a3");
        });
    }

    @Test
    void theSameAnswerDeliveredTwiceChangesNothing() {
        asOrganization(() -> {
            UUID user = learner();
            masteries.record(answer(user, "b1", 0, true, "rag"));
            List<SkillMastery> before = masteries.of(organization, user);
            assertThat(masteries.record(answer(user, "b1", 0, true, "rag")))
                    .isEqualTo(new Masteries.Recorded.Duplicate("b1"));
            assertThat(masteries.of(organization, user)).isEqualTo(before);
            assertThat(masteries.history(organization, user, "rag")).hasSize(1);
        });
    }

    @Test
    void anAnswerArrivingLateIsReplayedInAnswerOrder() {
        asOrganization(() -> {
            UUID inOrder = learner();
            masteries.record(answer(inOrder, "c1", 0, false, "memory"));
            masteries.record(answer(inOrder, "c2", 1, false, "memory"));
            masteries.record(answer(inOrder, "c3", 2, true, "memory"));

            UUID late = learner();
            masteries.record(answer(late, "l1", 0, false, "memory"));
            masteries.record(answer(late, "l3", 2, true, "memory"));
            Masteries.Recorded recorded = masteries.record(answer(late, "l2", 1, false, "memory"));

            assertThat(recorded).isInstanceOfSatisfying(Masteries.Recorded.Updated.class,
                    u -> assertThat(u.replayed()).isTrue());
            assertThat(mastery(late, "memory")).isEqualTo(mastery(inOrder, "memory"));
            assertThat(masteries.history(organization, late, "memory")).extracting(MasteryPoint::attemptId)
                    .containsExactly("l1", "l2", "l3");
            assertThat(masteries.history(organization, late, "memory")).extracting(MasteryPoint::mastery)
                    .isEqualTo(masteries.history(organization, inOrder, "memory").stream()
                            .map(MasteryPoint::mastery).toList());
        });
    }

    @Test
    void anAnswerWithoutSkillsIsRefusedAndOtherTenantsSeeNothing() {
        asOrganization(() -> {
            UUID user = learner();
            assertThatThrownBy(() -> masteries.record(answer(user, "d1", 0, true)))
                    .isInstanceOfSatisfying(ErrorResponseException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
            masteries.record(answer(user, "d2", 0, true, "evals"));
            assertThat(masteries.of(UUID.randomUUID(), user)).isEmpty();
        });
    }

    @Test
    void theLearnerReadsTheirMasteryAndHistoryOverHttp() {
        asOrganization(() -> {
            SignedIn learner = signedInLearner();
            UUID user = learner.userId();
            masteries.record(answer(user, "e1", 0, true, "prompting"));
            assertThat(new Http(port).get("/api/mastery").status()).isEqualTo(401);

            Http.Response mine = learner.get("/api/mastery");
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.json().path("skills").get(0).path("skillId").asString()).isEqualTo("prompting");
            assertThat(mine.json().path("skills").get(0).path("proficiency").asInt()).isBetween(0, 100);
            Http.Response history = learner.get("/api/mastery/skills/prompting/history");
            assertThat(history.json().path("points").get(0).path("attemptId").asString()).isEqualTo("e1");
        });
    }

    @Test
    void thePathFollowsTheGoalAndChangesAsSoonAsAPrerequisiteIsMastered() {
        asOrganization(() -> {
            SignedIn learner = signedInLearner();
            UUID user = learner.userId();
            assertThat(learner.putJson("/api/mastery/goal", "{\"skillId\":\"multi-agent\"}").status()).isEqualTo(200);

            Http.Response before = learner.get("/api/mastery/path");
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.json().path("goalSkillId").asString()).isEqualTo("multi-agent");
            assertThat(before.json().path("steps").get(0).path("skillIds").get(0).asString()).isEqualTo("prompting");
            assertThat(before.json().path("steps").get(0).path("reason").asString()).isNotBlank();

            // answered just now: a skill mastered long ago would come back first as a review
            Instant now = Instant.now();
            masteries.record(new AttemptObserved("p1", organization, user, "prompt-easy", List.of("prompting"), true,
                    now.minusSeconds(60)));
            masteries.record(new AttemptObserved("p2", organization, user, "prompt-mid", List.of("prompting"), true, now));

            Http.Response after = learner.get("/api/mastery/path?limit=2");
            assertThat(after.json().path("steps")).hasSize(2);
            assertThat(after.json().path("steps").get(0).path("skillIds").get(0).asString()).isEqualTo("tool-calling");
            assertThat(events.stream(PathChanged.class).filter(e -> e.userId().equals(user)).toList().getLast()
                    .activityIds()).containsExactlyInAnyOrder("tools-1", "tools-2");

            assertThat(learner.get("/api/mastery/path?goal=juggling").json().path("type").asString())
                    .isEqualTo("/problems/unprocessable");
            assertThat(learner.get("/api/mastery/path?limit=0").status()).isEqualTo(400);
        });
    }
}
