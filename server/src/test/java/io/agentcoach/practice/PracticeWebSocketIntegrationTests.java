package io.agentcoach.practice;

import static io.agentcoach.practice.PracticeIntegrationTests.CORRECT;
import static io.agentcoach.practice.PracticeIntegrationTests.awaitGraded;
import static io.agentcoach.practice.PracticeIntegrationTests.startAttempt;
import static io.agentcoach.practice.PracticeIntegrationTests.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.agentcoach.identity.Role;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import io.agentcoach.testing.TestUsers.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading pushed over a real WebSocket ({@code /ws/practice}) against the running server, signed in
 * through identity, with submissions graded in the real sandbox; and progress per track and lesson.
 */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=4")
@DirtiesContext
class PracticeWebSocketIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Importing it takes a while, so each test finishes well after the client has subscribed. */
    static final String SLOW_CORRECT = "import time\ntime.sleep(0.6)\n" + CORRECT;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    SignedIn alice;
    WebSocket socket;
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() {
        users = new TestUsers(new Http(port), jdbc);
        alice = users.learner();
        socket = connect(alice, frames);
    }

    private WebSocket connect(SignedIn user, BlockingQueue<JsonNode> into) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", user.bearer())
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/practice"), new Collector(into)).join();
    }

    @AfterEach
    void close() {
        socket.abort();
    }

    private JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s").isNotNull();
        return frame;
    }

    private void subscribe(String submissionId) {
        socket.sendText("{\"type\":\"subscribe\",\"submissionId\":\"" + submissionId + "\"}", true).join();
    }

    /** Frames until the result of {@code submissionId}, that result included. */
    private List<JsonNode> untilResult(String submissionId) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode frame;
        do {
            frame = next();
            assertThat(frame.get("submissionId").asString()).isEqualTo(submissionId);
            seen.add(frame);
        } while (!frame.get("type").asString().equals("result"));
        return seen;
    }

    @Test
    void statusEachTestAndTheResultArePushedAndTheResultIsWhatGetReturns() throws Exception {
        String attempt = startAttempt(alice, "add-numbers");
        String id = submit(alice, attempt, "ws-1", SLOW_CORRECT).json().get("id").asString();
        subscribe(id);

        List<JsonNode> seen = untilResult(id);

        JsonNode first = seen.getFirst();
        assertThat(first.get("type").asString()).isEqualTo("status");
        assertThat(first.get("status").asString()).isIn("queued", "running");
        List<JsonNode> tests = seen.stream().filter(f -> f.get("type").asString().equals("test")).toList();
        assertThat(tests).extracting(t -> t.get("test").get("name").asString())
                .containsExactly("test_adds", "test_negative");
        assertThat(tests).allSatisfy(t -> assertThat(t.get("test").get("passed").asBoolean()).isTrue());
        JsonNode beforeResult = seen.get(seen.size() - 2);
        assertThat(beforeResult.get("type").asString()).isEqualTo("status");
        assertThat(beforeResult.get("status").asString()).isEqualTo("graded");
        assertThat(seen.indexOf(tests.getLast())).isLessThan(seen.size() - 2);

        JsonNode pushed = seen.getLast().get("submission");
        assertThat(pushed).isEqualTo(alice.get("/api/practice/submissions/" + id).json());
        assertThat(pushed.get("verdict").get("passed").asBoolean()).isTrue();
    }

    @Test
    void failedHiddenTestsArePushedWithoutTheirMessage() throws Exception {
        String attempt = startAttempt(alice, "add-numbers");
        String wrong = "import time\ntime.sleep(0.6)\ndef add(a, b):\n    return abs(a) + abs(b)\n";
        String id = submit(alice, attempt, "ws-hidden", wrong).json().get("id").asString();
        subscribe(id);

        List<JsonNode> tests = untilResult(id).stream().filter(f -> f.get("type").asString().equals("test"))
                .map(f -> f.get("test")).toList();

        assertThat(tests).hasSize(2);
        JsonNode hidden = tests.getLast();
        assertThat(hidden.get("suite").asString()).isEqualTo("hidden");
        assertThat(hidden.get("passed").asBoolean()).isFalse();
        assertThat(hidden.get("message").asString()).isEqualTo("a hidden test failed");
    }

    @Test
    void aGradedSubmissionGetsItsResultAtOnceAndSeveralSubscriptionsShareASocket() throws Exception {
        String attempt = startAttempt(alice, "add-numbers");
        String first = submit(alice, attempt, "ws-a", CORRECT).json().get("id").asString();
        awaitGraded(alice, first);
        subscribe(first);
        List<JsonNode> seen = untilResult(first);
        assertThat(seen).extracting(f -> f.get("type").asString()).containsExactly("status", "result");
        assertThat(seen.getFirst().get("status").asString()).isEqualTo("graded");

        String second = submit(alice, attempt, "ws-b", SLOW_CORRECT).json().get("id").asString();
        subscribe(second);
        assertThat(untilResult(second).getLast().get("submission").get("status").asString()).isEqualTo("graded");
    }

    @Test
    void badFramesAndOtherUsersSubmissionsGetErrorFramesAndTheSocketStaysOpen() throws Exception {
        SignedIn bob = users.member(alice.organizationId(), Role.LEARNER);
        String bobs = submit(bob, startAttempt(bob, "add-numbers"), "bob-1", CORRECT).json().get("id").asString();

        socket.sendText("{not json", true).join();
        JsonNode malformed = next();
        assertThat(malformed.get("type").asString()).isEqualTo("error");
        assertThat(malformed.get("problem").get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(malformed.get("problem").get("status").asInt()).isEqualTo(400);

        socket.sendText("{\"type\":\"unsubscribe\"}", true).join();
        assertThat(next().get("problem").get("type").asString()).isEqualTo("/problems/validation-failed");
        socket.sendText("{\"type\":\"subscribe\",\"submissionId\":\"nope\"}", true).join();
        assertThat(next().get("problem").get("type").asString()).isEqualTo("/problems/validation-failed");

        subscribe(bobs);
        JsonNode foreign = next();
        subscribe(UUID.randomUUID().toString());
        JsonNode missing = next();
        assertThat(foreign.get("type").asString()).isEqualTo("error");
        assertThat(foreign.get("problem").get("status").asInt()).isEqualTo(404);
        assertThat(foreign.get("problem").get("type")).isEqualTo(missing.get("problem").get("type"));
        assertThat(foreign.toString()).doesNotContain("\"status\":\"queued\"", "\"status\":\"graded\"", "verdict");
        awaitGraded(bob, bobs);
        assertThat(frames.poll(300, TimeUnit.MILLISECONDS)).as("nothing about bob's submission").isNull();

        String mine = submit(alice, startAttempt(alice, "add-numbers"), "ws-after-errors", CORRECT).json().get("id")
                .asString();
        subscribe(mine);
        assertThat(untilResult(mine).getLast().get("submission").get("verdict").get("passed").asBoolean()).isTrue();
    }

    @Test
    void theHandshakeNeedsCredentials() {
        Throwable refused = null;
        try {
            HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws/practice"), new Collector(frames)).join();
        } catch (CompletionException e) {
            refused = e.getCause();
        }
        assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(401);
    }

    @Test
    void progressCountsSolvedExercisesPerTrackAndLesson() {
        JsonNode before = alice.get("/api/practice/progress").json();
        assertThat(before.toString()).isEqualTo("{\"tracks\":[{\"trackId\":\"basics\",\"exercisesSolved\":0,"
                + "\"exercisesTotal\":1,\"lessons\":[{\"lessonId\":\"messages\",\"exercisesSolved\":0,\"exercisesTotal\":0},"
                + "{\"lessonId\":\"tools\",\"exercisesSolved\":0,\"exercisesTotal\":1}]}]}");
        String attempt = startAttempt(alice, "add-numbers");
        awaitGraded(alice, submit(alice, attempt, "wrong", "def add(a, b):\n    return 0\n").json().get("id").asString());
        assertThat(alice.get("/api/practice/progress").json()).as("a failed submission solves nothing").isEqualTo(before);

        awaitGraded(alice, submit(alice, attempt, "right", CORRECT).json().get("id").asString());
        awaitGraded(alice, submit(alice, attempt, "again", CORRECT + "\n").json().get("id").asString());

        JsonNode after = alice.get("/api/practice/progress").json().get("tracks").get(0);
        assertThat(after.get("exercisesSolved").asInt()).isEqualTo(1);
        assertThat(after.get("lessons").get(1).get("exercisesSolved").asInt()).isEqualTo(1);
        assertThat(after.get("lessons").get(0).get("exercisesSolved").asInt()).isZero();
        assertThat(users.learner().get("/api/practice/progress").json()).as("another learner").isEqualTo(before);
        assertThat(new Http(port).get("/api/practice/progress").status()).isEqualTo(401);
    }

    static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> into;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> into) {
            this.into = into;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                into.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
