package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.mastery.path.CurriculumFixture;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
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

    static final AtomicReference<CurrentUser> caller = new AtomicReference<>();

    @TestConfiguration
    static class Caller {
        @Bean
        CurrentUsers currentUsers() {
            return () -> Optional.ofNullable(caller.get());
        }

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

    final UUID organization = UUID.randomUUID();
    final Instant start = Instant.parse("2026-03-01T10:00:00Z");

    UUID learner() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, email_key, display_name) values (?, ?, ?, 'Ada')")
                .params(id, id + "@example.org", id + "@example.org").update();
        return id;
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
    }

    @Test
    void theSameAnswerDeliveredTwiceChangesNothing() {
        UUID user = learner();
        masteries.record(answer(user, "b1", 0, true, "rag"));
        List<SkillMastery> before = masteries.of(organization, user);
        assertThat(masteries.record(answer(user, "b1", 0, true, "rag")))
                .isEqualTo(new Masteries.Recorded.Duplicate("b1"));
        assertThat(masteries.of(organization, user)).isEqualTo(before);
        assertThat(masteries.history(organization, user, "rag")).hasSize(1);
    }

    @Test
    void anAnswerArrivingLateIsReplayedInAnswerOrder() {
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
    }

    @Test
    void anAnswerWithoutSkillsIsRefusedAndOtherTenantsSeeNothing() {
        UUID user = learner();
        assertThatThrownBy(() -> masteries.record(answer(user, "d1", 0, true)))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        masteries.record(answer(user, "d2", 0, true, "evals"));
        assertThat(masteries.of(UUID.randomUUID(), user)).isEmpty();
    }

    @Test
    void theLearnerReadsTheirMasteryAndHistoryOverHttp() {
        UUID user = learner();
        masteries.record(answer(user, "e1", 0, true, "prompting"));
        Http http = new Http(port);
        caller.set(null);
        assertThat(http.get("/api/mastery").status()).isEqualTo(401);

        caller.set(new CurrentUser(user, organization, Set.of(Role.values()[0]), Set.of()));
        Http.Response mine = http.get("/api/mastery");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("skills").get(0).path("skillId").asString()).isEqualTo("prompting");
        assertThat(mine.json().path("skills").get(0).path("proficiency").asInt()).isBetween(0, 100);
        Http.Response history = http.get("/api/mastery/skills/prompting/history");
        assertThat(history.json().path("points").get(0).path("attemptId").asString()).isEqualTo("e1");
    }

    @Test
    void thePathFollowsTheGoalAndChangesAsSoonAsAPrerequisiteIsMastered() {
        UUID user = learner();
        caller.set(new CurrentUser(user, organization, Set.of(Role.values()[0]), Set.of()));
        Http http = new Http(port);
        assertThat(http.send(http.request("/api/mastery/goal").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"skillId\":\"multi-agent\"}")).build())
                .status()).isEqualTo(200);

        Http.Response before = http.get("/api/mastery/path");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("goalSkillId").asString()).isEqualTo("multi-agent");
        assertThat(before.json().path("steps").get(0).path("skillIds").get(0).asString()).isEqualTo("prompting");
        assertThat(before.json().path("steps").get(0).path("reason").asString()).isNotBlank();

        // answered just now: a skill mastered long ago would come back first as a review
        Instant now = Instant.now();
        masteries.record(new AttemptObserved("p1", organization, user, "prompt-easy", List.of("prompting"), true,
                now.minusSeconds(60)));
        masteries.record(new AttemptObserved("p2", organization, user, "prompt-mid", List.of("prompting"), true, now));

        Http.Response after = http.get("/api/mastery/path?limit=2");
        assertThat(after.json().path("steps")).hasSize(2);
        assertThat(after.json().path("steps").get(0).path("skillIds").get(0).asString()).isEqualTo("tool-calling");
        assertThat(events.stream(PathChanged.class).filter(e -> e.userId().equals(user)).toList().getLast()
                .activityIds()).containsExactlyInAnyOrder("tools-1", "tools-2");

        assertThat(http.get("/api/mastery/path?goal=juggling").json().path("type").asString())
                .isEqualTo("/problems/unprocessable");
        assertThat(http.get("/api/mastery/path?limit=0").status()).isEqualTo(400);
    }
}
