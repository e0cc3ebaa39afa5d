package io.agentcoach.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

@IntegrationTest(properties = {
    "agentcoach.practice.exercises-dir=${agentcoach.repo-root}/server/src/test/resources/practice/exercises",
    "spring.datasource.hikari.maximum-pool-size=5"})
@Import(PracticeIntegrationTests.FixedUsers.class)
@DirtiesContext
class PracticeIntegrationTests {

    static final UUID ORGANIZATION = UUID.fromString("11111111-0000-4000-8000-000000000000");
    static final UUID ALICE = UUID.fromString("a11ce000-0000-4000-8000-000000000000");
    static final UUID BOB = UUID.fromString("b0b00000-0000-4000-8000-000000000000");
    static final String CORRECT = "def add(a, b):\n    return a + b\n";

    /** Signs every request in as Alice, or as the user named by the test's X-Test-User header. */
    @TestConfiguration
    static class FixedUsers {

        final List<SubmissionGraded> graded = new CopyOnWriteArrayList<>();

        @Bean
        CurrentUsers currentUsers() {
            return () -> Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                    .map(a -> ((ServletRequestAttributes) a).getRequest())
                    .map(FixedUsers::userOf);
        }

        private static CurrentUser userOf(HttpServletRequest request) {
            String named = request.getHeader("X-Test-User");
            return new CurrentUser(named == null ? ALICE : UUID.fromString(named), ORGANIZATION, Set.of(Role.LEARNER),
                    Set.of(Scopes.PRACTICE_SUBMIT));
        }

        @EventListener
        void on(SubmissionGraded event) {
            graded.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FixedUsers users;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private String startAttempt() {
        Http.Response started = http.postJson("/api/practice/exercises/add-numbers/attempts", "{}");
        assertThat(started.status()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    private static String code(String code) {
        return "{\"code\": " + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(code) + "}";
    }

    private Http.Response submit(String attempt, String key, String code, UUID user) {
        HttpRequest.Builder request = http.request("/api/practice/attempts/" + attempt + "/submissions")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Test-User", user.toString())
                .POST(HttpRequest.BodyPublishers.ofString(code(code)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build());
    }

    private JsonNode awaitGraded(String submissionId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
                () -> http.get("/api/practice/submissions/" + submissionId).json(),
                s -> s.get("status").asString().equals("graded"));
    }

    @Test
    void aLearnerStartsSavesADraftRunsThePublicTestsAndSeesFailures() {
        String attempt = startAttempt();
        assertThat(http.get("/api/practice/attempts/" + attempt).json().get("draft").asString())
                .isEqualTo("def add(a, b):\n    pass\n");
        Http.Response saved = http.send(http.request("/api/practice/attempts/" + attempt + "/draft")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(code("x = 1"))).build());
        assertThat(saved.json().get("draft").asString()).isEqualTo("x = 1");

        JsonNode wrong = http.postJson("/api/practice/attempts/" + attempt + "/runs",
                code("def add(a, b):\n    print('debugging')\n    return a * b\n")).json();
        assertThat(wrong.get("passed").asBoolean()).isFalse();
        assertThat(wrong.get("tests")).hasSize(1);
        assertThat(wrong.get("tests").get(0).get("message").asString()).isEqualTo("add(2, 3) should be 5");
        assertThat(wrong.get("stdout").asString()).isEqualTo("debugging\n");

        JsonNode right = http.postJson("/api/practice/attempts/" + attempt + "/runs", code(CORRECT)).json();
        assertThat(right.get("passed").asBoolean()).isTrue();
    }

    @Test
    void aSubmissionIsGradedAsynchronouslyOnceAndPublishesSubmissionGraded() {
        String attempt = startAttempt();
        Http.Response accepted = submit(attempt, "key-1", CORRECT, ALICE);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/practice/submissions/" + id);

        JsonNode graded = awaitGraded(id);
        assertThat(graded.get("verdict").get("passed").asBoolean()).isTrue();
        assertThat(graded.get("verdict").get("tests")).hasSize(2);
        JsonNode progress = http.get("/api/practice/exercises/add-numbers/progress").json();
        assertThat(progress.get("solved").asBoolean()).isTrue();
        assertThat(progress.get("bestScore").asDouble()).isEqualTo(1.0);

        Http.Response retried = submit(attempt, "key-1", CORRECT, ALICE);
        assertThat(retried.json().get("id").asString()).isEqualTo(id);
        assertThat(retried.json().get("status").asString()).isEqualTo("graded");

        Http.Response reused = submit(attempt, "key-1", "def add(a, b):\n    return 0\n", ALICE);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("/problems/unprocessable");

        await().atMost(Duration.ofSeconds(10)).until(() -> users.graded.stream()
                .anyMatch(e -> e.submissionId().toString().equals(id)));
        SubmissionGraded event = users.graded.stream().filter(e -> e.submissionId().toString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(event.userId()).isEqualTo(ALICE);
        assertThat(event.organizationId()).isEqualTo(ORGANIZATION);
        assertThat(event.exerciseId()).isEqualTo("add-numbers");
        assertThat(event.skills()).containsExactlyInAnyOrder("python-basics", "functions");
        assertThat(event.passed()).isTrue();
        assertThat(event.score()).isEqualTo(1.0);
        assertThat(event.attemptNumber()).isGreaterThanOrEqualTo(1);
        assertThat(users.graded.stream().filter(e -> e.submissionId().toString().equals(id))).hasSize(1);
    }

    @Test
    void twentyParallelSubmitsWithOneKeyGradeOnceAndKeysAreScopedToTheUser() throws Exception {
        String attempt = startAttempt();
        String key = "parallel-" + UUID.randomUUID();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> submit(attempt, key, CORRECT, ALICE)));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Http.Response> call : calls) {
                assertThat(call.get().status()).isEqualTo(202);
                ids.add(call.get().json().get("id").asString());
            }
            assertThat(ids).hasSize(1);
            String id = ids.iterator().next();
            awaitGraded(id);
            assertThat(jdbc.sql("select count(*) from practice_submissions where idempotency_key = ?").param(key)
                    .query(Integer.class).single()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> users.graded.stream()
                    .anyMatch(e -> e.submissionId().toString().equals(id)));
            assertThat(users.graded.stream().filter(e -> e.submissionId().toString().equals(id))).hasSize(1);
        }
        Http.Response bobsAttempt = http.send(http.request("/api/practice/exercises/add-numbers/attempts")
                .header("X-Test-User", BOB.toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        Http.Response bobs = submit(bobsAttempt.json().get("id").asString(), key, CORRECT, BOB);
        assertThat(bobs.status()).isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from practice_submissions where idempotency_key = ?").param(key)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(http.send(http.request("/api/practice/attempts/" + attempt).header("X-Test-User", BOB.toString())
                .GET().build()).status()).as("another user's attempt").isEqualTo(404);
    }

    @Test
    void badInputIsA4xxProblemAndQueuesNothing() {
        String attempt = startAttempt();
        int before = jdbc.sql("select count(*) from practice_submissions").query(Integer.class).single();

        assertThat(http.postJson("/api/practice/exercises/no-such-exercise/attempts", "{}").status()).isEqualTo(404);
        assertThat(http.postJson("/api/practice/exercises/other-org-private/attempts", "{}").status()).isEqualTo(404);
        Http.Response tooBig = submit(attempt, "big", "x = 1\n".repeat(20_000), ALICE);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.isProblem()).isTrue();
        assertThat(submit(attempt, null, CORRECT, ALICE).status()).isEqualTo(400);
        assertThat(submit(UUID.randomUUID().toString(), "unknown-attempt", CORRECT, ALICE).status()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from practice_submissions").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aSubmissionAcceptedBeforeACrashIsGradedAfterwards() {
        String attempt = startAttempt();
        UUID id = UUID.randomUUID();
        // what a node leaves behind when it dies between accepting a submission and grading it
        jdbc.sql("insert into practice_submissions (id, organization_id, user_id, exercise_id, attempt_id, attempt_number,"
                + " idempotency_key, request_hash, code, status, submitted_at) values (?, ?, ?, 'add-numbers', ?, 1,"
                + " 'crashed', 'h', ?, 'queued', ?)")
                .params(id, ORGANIZATION, ALICE, UUID.fromString(attempt), CORRECT, Instant.now().atOffset(ZoneOffset.UTC))
                .update();

        JsonNode graded = awaitGraded(id.toString());

        assertThat(graded.get("verdict").get("passed").asBoolean()).isTrue();
        assertThat(http.get("/api/practice/exercises/add-numbers/submissions").json().valueStream()
                .map(s -> s.get("id").asString())).contains(id.toString());
    }
}
