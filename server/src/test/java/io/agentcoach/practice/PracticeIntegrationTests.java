package io.agentcoach.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Practice end to end: real sign-up and bearer tokens (identity), the test curriculum's
 * {@code add-numbers} and organization-private exercises (content), grading in the real sandbox,
 * PostgreSQL with row-level security.
 */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=5")
@Import(PracticeIntegrationTests.GradedEvents.class)
@DirtiesContext
class PracticeIntegrationTests {

    static final String CORRECT = "def add(a, b):\n    return a + b\n";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Records every {@link SubmissionGraded}. */
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
    GradedEvents events;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    TestUsers.SignedIn alice;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
        alice = users.learner();
    }

    static String code(String code) {
        return "{\"code\": " + JSON.writeValueAsString(code) + "}";
    }

    /**
     * On a server that cannot run code: a new learner's run and submission are both refused as 503
     * {@code unavailable} problems and no submission is queued. Returns the submission's answer.
     */
    static Http.Response assertRunAndSubmitRefused(int port, JdbcClient jdbc) {
        TestUsers.SignedIn learner = new TestUsers(new Http(port), jdbc).learner();
        String attempt = startAttempt(learner, "add-numbers");

        Http.Response run = learner.postJson("/api/practice/attempts/" + attempt + "/runs", "{\"code\": \"x = 1\"}");
        Http.Response submit = submit(learner, attempt, "k", "x = 1");

        assertThat(run.status()).isEqualTo(503);
        assertThat(submit.status()).isEqualTo(503);
        assertThat(submit.isProblem()).isTrue();
        assertThat(submit.json().get("type").asString()).isEqualTo("/problems/unavailable");
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from practice_submissions")
                .query(Integer.class).single())).isZero();
        return submit;
    }

    static String startAttempt(TestUsers.SignedIn user, String exercise) {
        Http.Response started = user.postJson("/api/practice/exercises/" + exercise + "/attempts", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    static Http.Response submit(TestUsers.SignedIn user, String attempt, String key, String code) {
        HttpRequest.Builder request = user.request("/api/practice/attempts/" + attempt + "/submissions")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(code(code)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return user.http().send(request.build());
    }

    static JsonNode awaitGraded(TestUsers.SignedIn user, String submissionId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
                () -> user.get("/api/practice/submissions/" + submissionId).json(),
                s -> s.get("status").asString().equals("graded"));
    }

    private int submissionsWithKey(String key) {
        return Tenants.callAsSystem(() -> jdbc.sql("select count(*) from practice_submissions where idempotency_key = ?")
                .param(key).query(Integer.class).single());
    }

    private int allSubmissions() {
        return Tenants.callAsSystem(() -> jdbc.sql("select count(*) from practice_submissions").query(Integer.class)
                .single());
    }

    @Test
    void aLearnerStartsSavesADraftRunsThePublicTestsAndSeesFailures() {
        String attempt = startAttempt(alice, "add-numbers");
        assertThat(alice.get("/api/practice/attempts/" + attempt).json().get("draft").asString())
                .isEqualTo("def add(a, b):\n    return 0\n");
        Http.Response saved = alice.putJson("/api/practice/attempts/" + attempt + "/draft", code("x = 1"));
        assertThat(saved.json().get("draft").asString()).isEqualTo("x = 1");

        JsonNode wrong = alice.postJson("/api/practice/attempts/" + attempt + "/runs",
                code("def add(a, b):\n    print('debugging')\n    return a * b\n")).json();
        assertThat(wrong.get("passed").asBoolean()).isFalse();
        assertThat(wrong.get("tests")).hasSize(1);
        assertThat(wrong.get("tests").get(0).get("message").asString()).isEqualTo("2 + 3 should be 5");
        assertThat(wrong.get("stdout").asString()).isEqualTo("debugging\n");

        JsonNode right = alice.postJson("/api/practice/attempts/" + attempt + "/runs", code(CORRECT)).json();
        assertThat(right.get("passed").asBoolean()).isTrue();
    }

    @Test
    void aSubmissionIsGradedAsynchronouslyOnceAndPublishesSubmissionGraded() {
        String attempt = startAttempt(alice, "add-numbers");
        Http.Response accepted = submit(alice, attempt, "key-1", CORRECT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/practice/submissions/" + id);

        JsonNode graded = awaitGraded(alice, id);
        assertThat(graded.get("verdict").get("passed").asBoolean()).isTrue();
        assertThat(graded.get("verdict").get("tests")).hasSize(2);
        JsonNode progress = alice.get("/api/practice/exercises/add-numbers/progress").json();
        assertThat(progress.get("solved").asBoolean()).isTrue();
        assertThat(progress.get("bestScore").asDouble()).isEqualTo(1.0);

        Http.Response retried = submit(alice, attempt, "key-1", CORRECT);
        assertThat(retried.json().get("id").asString()).isEqualTo(id);
        assertThat(retried.json().get("status").asString()).isEqualTo("graded");

        Http.Response reused = submit(alice, attempt, "key-1", "def add(a, b):\n    return 0\n");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("/problems/unprocessable");

        await().atMost(Duration.ofSeconds(10)).until(() -> events.graded.stream()
                .anyMatch(e -> e.submissionId().toString().equals(id)));
        SubmissionGraded event = events.graded.stream().filter(e -> e.submissionId().toString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(event.userId()).isEqualTo(alice.userId());
        assertThat(event.organizationId()).isEqualTo(alice.organizationId());
        assertThat(event.exerciseId()).isEqualTo("add-numbers");
        assertThat(event.skills()).containsExactly("tool-calling-basics");
        assertThat(event.passed()).isTrue();
        assertThat(event.score()).isEqualTo(1.0);
        assertThat(event.attemptNumber()).isEqualTo(1);
        assertThat(events.graded.stream().filter(e -> e.submissionId().toString().equals(id))).hasSize(1);
    }

    @Test
    void twentyParallelSubmitsWithOneKeyGradeOnceAndKeysAreScopedToTheUser() throws Exception {
        String attempt = startAttempt(alice, "add-numbers");
        String key = "parallel-" + UUID.randomUUID();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> submit(alice, attempt, key, CORRECT)));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Http.Response> call : calls) {
                assertThat(call.get().status()).as(call.get().body()).isEqualTo(202);
                ids.add(call.get().json().get("id").asString());
            }
            assertThat(ids).hasSize(1);
            String id = ids.iterator().next();
            awaitGraded(alice, id);
            assertThat(submissionsWithKey(key)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.graded.stream()
                    .anyMatch(e -> e.submissionId().toString().equals(id)));
            assertThat(events.graded.stream().filter(e -> e.submissionId().toString().equals(id))).hasSize(1);
        }
        TestUsers.SignedIn bob = users.member(alice.organizationId(), Role.LEARNER);
        Http.Response bobs = submit(bob, startAttempt(bob, "add-numbers"), key, CORRECT);
        assertThat(bobs.status()).isEqualTo(202);
        assertThat(submissionsWithKey(key)).isEqualTo(2);
        assertThat(bob.get("/api/practice/attempts/" + attempt).status()).as("another user's attempt").isEqualTo(404);
    }

    @Test
    void badInputIsA4xxProblemAndQueuesNothing() {
        String attempt = startAttempt(alice, "add-numbers");
        int before = allSubmissions();

        assertThat(alice.postJson("/api/practice/exercises/no-such-exercise/attempts", "{}").status()).isEqualTo(404);
        Http.Response tooBig = submit(alice, attempt, "big", "x = 1\n".repeat(20_000));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.isProblem()).isTrue();
        assertThat(submit(alice, attempt, null, CORRECT).status()).isEqualTo(400);
        assertThat(submit(alice, UUID.randomUUID().toString(), "unknown-attempt", CORRECT).status()).isEqualTo(404);
        assertThat(new Http(port).postJson("/api/practice/exercises/add-numbers/attempts", "{}").status())
                .as("no credentials").isEqualTo(401);

        assertThat(allSubmissions()).isEqualTo(before);
    }

    @Test
    void anOrganizationsPrivateExerciseIsPracticedByItsMembersAndIs404ForOthers() {
        TestUsers.SignedIn admin = users.orgAdmin();
        Http.Response created = admin.postJson("/api/content/organization/exercises",
                PrivateExercises.body(PrivateExercises.multiply("org-multiply")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestUsers.SignedIn member = users.member(admin.organizationId(), Role.LEARNER);

        String attempt = startAttempt(member, "org-multiply");
        assertThat(member.get("/api/practice/attempts/" + attempt).json().get("draft").asString())
                .isEqualTo("def multiply(a, b):\n    return 0\n");
        String id = submit(member, attempt, "private-1", "def multiply(a, b):\n    return a * b\n").json().get("id")
                .asString();
        JsonNode graded = awaitGraded(member, id);
        assertThat(graded.get("verdict").get("passed").asBoolean()).isTrue();
        assertThat(graded.get("verdict").get("tests")).hasSize(2);

        int before = allSubmissions();
        assertThat(alice.postJson("/api/practice/exercises/org-multiply/attempts", "{}").status())
                .as("a learner of another organization").isEqualTo(404);
        assertThat(alice.get("/api/practice/exercises/org-multiply/progress").status()).isEqualTo(404);
        assertThat(alice.get("/api/practice/submissions/" + id).status()).isEqualTo(404);
        assertThat(alice.get("/api/practice/attempts/" + attempt).status()).isEqualTo(404);
        assertThat(allSubmissions()).isEqualTo(before);
    }

    @Test
    void aSubmissionAcceptedBeforeACrashIsGradedAfterwards() {
        String attempt = startAttempt(alice, "add-numbers");
        UUID id = UUID.randomUUID();
        // what a node leaves behind when it dies between accepting a submission and grading it
        Tenants.runAs(alice.organizationId(), () -> jdbc.sql("insert into practice_submissions (id, organization_id, "
                + "user_id, exercise_id, attempt_id, attempt_number, idempotency_key, request_hash, code, status, "
                + "submitted_at) values (?, ?, ?, 'add-numbers', ?, 1, 'crashed', 'h', ?, 'queued', ?)")
                .params(id, alice.organizationId(), alice.userId(), UUID.fromString(attempt), CORRECT,
                        Instant.now().atOffset(ZoneOffset.UTC))
                .update());

        JsonNode graded = awaitGraded(alice, id.toString());

        assertThat(graded.get("verdict").get("passed").asBoolean()).isTrue();
        assertThat(alice.get("/api/practice/exercises/add-numbers/submissions").json().valueStream()
                .map(s -> s.get("id").asString())).contains(id.toString());
    }

    /** Exercise folders for organization-private exercises, against the test curriculum's skills. */
    static final class PrivateExercises {

        private PrivateExercises() {
        }

        static Map<String, String> multiply(String id) {
            return Map.of("exercise.md", """
                    ---
                    id: %s
                    title: Multiply two numbers
                    skills: [llm-messages]
                    prerequisites: []
                    difficulty: 1
                    minutes: 5
                    language: python
                    hints:
                      - Python multiplies with *.
                    ---
                    Write `multiply(a, b)`.
                    """.formatted(id),
                    "starter.py", "def multiply(a, b):\n    return 0\n",
                    "tests_public.py", "from solution import multiply\n\n\ndef test_small():\n"
                            + "    assert multiply(2, 3) == 6, \"2 * 3 should be 6\"\n",
                    "tests_hidden.py", "from solution import multiply\n\n\ndef test_negative():\n"
                            + "    assert multiply(-2, 3) == -6, \"negatives multiply too\"\n",
                    "reference.py", "def multiply(a, b):\n    return a * b\n",
                    "wrong/adds.py", "def multiply(a, b):\n    return a + b\n");
        }

        static String body(Map<String, String> files) {
            return JSON.writeValueAsString(Map.of("files", files));
        }
    }
}
