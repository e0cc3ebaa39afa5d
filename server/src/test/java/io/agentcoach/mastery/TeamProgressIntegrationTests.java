package io.agentcoach.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /api/mastery/organization/progress: for the organization's admins and instructors, and only its own members. */
@IntegrationTest
class TeamProgressIntegrationTests {

    @Autowired
    Masteries masteries;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
    }

    void answer(TestUsers.SignedIn learner, String id, String skill, boolean correct, Instant at) {
        Tenants.runAs(learner.organizationId(), () -> masteries.record(new AttemptObserved(id + "-" + learner.userId(),
                learner.organizationId(), learner.userId(), null, List.of(skill), correct, at)));
    }

    static JsonNode member(JsonNode progress, UUID userId) {
        for (JsonNode member : progress.path("members")) {
            if (member.path("userId").asString().equals(userId.toString())) {
                return member;
            }
        }
        return null;
    }

    @Test
    void adminsAndInstructorsSeeEveryMembersProgressAndTheLastTwelveWeeks() {
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn instructor = users.member(admin.organizationId(), Role.INSTRUCTOR);
        TestUsers.SignedIn learner = users.member(admin.organizationId(), Role.LEARNER);
        Instant now = Instant.now();
        answer(learner, "old", "tool-calling-basics", false, now.minus(Duration.ofDays(20)));
        for (int i = 0; i < 6; i++) {
            answer(learner, "recent" + i, "llm-messages", true, now.minus(Duration.ofHours(10 - i)));
        }
        List<SkillMastery> estimates = Tenants.callAs(learner.organizationId(),
                () -> masteries.of(learner.organizationId(), learner.userId()));

        Http.Response response = admin.get("/api/mastery/organization/progress");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("members")).hasSize(3);
        JsonNode row = member(body, learner.userId());
        assertThat(row.path("displayName").asString()).isEqualTo("Test User");
        assertThat(row.path("activitiesLast7Days").asInt()).isEqualTo(6);
        assertThat(Instant.parse(row.path("lastActiveAt").asString()))
                .isCloseTo(now.minus(Duration.ofHours(5)), org.assertj.core.api.Assertions.within(
                        Duration.ofSeconds(1)));
        assertThat(row.path("averageProficiency").asDouble()).isCloseTo(
                estimates.stream().mapToInt(SkillMastery::proficiency).average().orElseThrow(),
                org.assertj.core.data.Offset.offset(0.051));
        assertThat(row.path("skillsMastered").asInt()).isEqualTo(
                (int) estimates.stream().filter(s -> s.mastery() >= 0.85).count());
        assertThat(row.path("skillsMastered").asInt()).isEqualTo(1);
        JsonNode idle = member(body, admin.userId());
        assertThat(idle.path("activitiesLast7Days").asInt()).isZero();
        assertThat(idle.path("averageProficiency").asDouble()).isZero();
        assertThat(idle.has("lastActiveAt")).isTrue();
        assertThat(idle.path("lastActiveAt").isNull()).isTrue();

        JsonNode weekly = body.path("weekly");
        assertThat(weekly).hasSize(12);
        LocalDate monday = now.atOffset(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(weekly.get(11).path("weekStart").asString()).isEqualTo(monday.toString());
        assertThat(weekly.get(0).path("weekStart").asString()).isEqualTo(monday.minusWeeks(11).toString());
        int total = 0;
        for (JsonNode week : weekly) {
            total += week.path("activities").asInt();
        }
        assertThat(total).isEqualTo(7);
        // before any answer nobody had an estimate; by now the learner's (the only one) is the average
        assertThat(weekly.get(0).path("averageProficiency").asDouble()).isZero();
        assertThat(weekly.get(11).path("averageProficiency").asDouble())
                .isEqualTo(row.path("averageProficiency").asDouble());

        assertThat(instructor.get("/api/mastery/organization/progress").status()).isEqualTo(200);
        Http.Response forbidden = learner.get("/api/mastery/organization/progress");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(new Http(port).get("/api/mastery/organization/progress").status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationsAdminSeesNoneOfItsMembersOrActivity() {
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn learner = users.member(admin.organizationId(), Role.LEARNER);
        answer(learner, "a", "tool-calling-basics", true, Instant.now().minusSeconds(60));

        TestUsers.SignedIn stranger = users.orgAdmin();
        JsonNode theirs = stranger.get("/api/mastery/organization/progress").json();
        assertThat(theirs.path("members")).hasSize(1);
        assertThat(member(theirs, stranger.userId())).isNotNull();
        assertThat(member(theirs, learner.userId())).isNull();
        for (JsonNode week : theirs.path("weekly")) {
            assertThat(week.path("activities").asInt()).isZero();
            assertThat(week.path("averageProficiency").asDouble()).isZero();
        }
        // a member of both sees, in each organization, only that organization's people
        TestUsers.SignedIn both = users.member(stranger.organizationId(), Role.INSTRUCTOR);
        Tenants.runAs(admin.organizationId(), () -> jdbc.sql(
                "insert into memberships (organization_id, user_id, role) values (?, ?, 'instructor')")
                .params(admin.organizationId(), both.userId()).update());
        TestUsers.SignedIn inFirst = users.login(both.email(), admin.organizationId());
        assertThat(member(inFirst.get("/api/mastery/organization/progress").json(), learner.userId())).isNotNull();
        assertThat(member(both.get("/api/mastery/organization/progress").json(), learner.userId())).isNull();
    }
}
