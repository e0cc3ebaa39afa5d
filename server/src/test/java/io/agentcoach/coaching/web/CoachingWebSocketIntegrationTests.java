package io.agentcoach.coaching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers over a real WebSocket, signed in through identity, with the SSE events as frames. */
@IntegrationTest(properties = {"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1"})
class CoachingWebSocketIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    SignedIn learner;
    WebSocket socket;
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() {
        Http http = new Http(port);
        users = new TestUsers(http, jdbc);
        learner = users.member(users.orgAdmin().organizationId(), Role.LEARNER);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", learner.bearer())
                .buildAsync(URI.create("ws://localhost:" + port + "/api/coaching/ws"), new Collector()).join();
    }

    @AfterEach
    void close() {
        socket.abort();
    }

    @Test
    void anInvalidJsonFrameGetsAnErrorFrameAndTheSessionGoesOnToAnswer() throws Exception {
        String session = learner.postJson("/api/coaching/sessions", "{\"title\":\"Over a socket\"}").json()
                .get("id").asString();

        socket.sendText("{not json", true).join();
        JsonNode error = next();
        assertThat(error.get("event").asString()).isEqualTo("error");
        assertThat(error.get("data").get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(error.get("data").get("status").asInt()).isEqualTo(400);

        socket.sendText("{\"sessionId\":\"" + session + "\",\"message\":\"   \"}", true).join();
        assertThat(next().get("data").get("type").asString()).isEqualTo("/problems/validation-failed");

        socket.sendText("{\"sessionId\":\"" + session + "\",\"message\":\"What is tool calling in an agent?\"}", true)
                .join();
        List<JsonNode> tokens = new ArrayList<>();
        JsonNode frame;
        while ((frame = next()).get("event").asString().equals("token")) {
            tokens.add(frame.get("data"));
        }
        assertThat(frame.get("event").asString()).isEqualTo("answer");
        assertThat(frame.get("data").get("model").asString()).isEqualTo("offline");
        String streamed = String.join("", tokens.stream().map(t -> t.get("text").asString()).toList());
        assertThat(streamed).contains("**Offline coach**");

        JsonNode stored = learner.get("/api/coaching/sessions/" + session).json().get("messages");
        assertThat(stored).extracting(m -> m.get("role").asString()).containsExactly("learner", "coach");
        assertThat(stored.get(1).get("content").asString()).isEqualTo(streamed);
    }

    @Test
    void anotherLearnersSessionIsNotFoundOverTheSocketToo() throws Exception {
        socket.sendText("{\"sessionId\":\"00000000-0000-0000-0000-000000000001\",\"message\":\"hello there\"}", true)
                .join();

        JsonNode error = next();
        assertThat(error.get("event").asString()).isEqualTo("error");
        assertThat(error.get("data").get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void aSessionOfAnotherLearnerAndAnOversizedMessageGetErrorFramesAndTheSocketStaysUsable() throws Exception {
        SignedIn other = users.member(learner.organizationId(), Role.LEARNER);
        String theirs = other.postJson("/api/coaching/sessions", "{}").json().get("id").asString();
        String mine = learner.postJson("/api/coaching/sessions", "{}").json().get("id").asString();

        socket.sendText("{\"sessionId\":\"" + theirs + "\",\"message\":\"What is an agent loop?\"}", true).join();
        JsonNode foreign = next();
        assertThat(foreign.get("event").asString()).isEqualTo("error");
        assertThat(foreign.get("data").get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(foreign.get("data").get("status").asInt()).isEqualTo(404);

        socket.sendText("{\"sessionId\":\"" + mine + "\",\"message\":\"" + "a".repeat(8_001) + "\"}", true).join();
        JsonNode oversized = next();
        assertThat(oversized.get("data").get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(oversized.get("data").get("errors").get(0).get("field").asString()).isEqualTo("message");

        socket.sendText("[1, 2", true).join();
        assertThat(next().get("data").get("type").asString()).isEqualTo("/problems/malformed-request");

        socket.sendText("{\"sessionId\":\"" + mine + "\",\"message\":\"What is an agent loop?\"}", true).join();
        JsonNode frame;
        while ((frame = next()).get("event").asString().equals("token")) {
            // streamed tokens
        }
        assertThat(frame.get("event").asString()).isEqualTo("answer");
        assertThat(other.get("/api/coaching/sessions/" + theirs).json().get("messages")).as("nothing reached their session")
                .isEmpty();
        assertThat(learner.get("/api/coaching/sessions/" + mine).json().get("messages")).hasSize(2);
    }

    @Test
    void withoutCredentialsTheHandshakeIsRefusedWith401() {
        var handshake = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/coaching/ws"), new Collector());

        assertThat(handshake).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(java.net.http.WebSocketHandshakeException.class,
                        refused -> {
                            assertThat(refused.getResponse().statusCode()).isEqualTo(401);
                            assertThat(String.valueOf(refused.getResponse().body())).contains("/problems/unauthorized");
                        });
    }

    @Test
    void aKeyWithoutTheCoachScopeIsRefusedWith403() throws Exception {
        String key = learner.postJson("/api/api-keys", "{\"name\": \"practice only\", \"scopes\": [\"practice:submit\"]}")
                .json().get("secret").asString();
        var handshake = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(URI.create("ws://localhost:" + port + "/api/coaching/ws"), new Collector());

        assertThat(handshake).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(java.net.http.WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void aBrowserSignsTheHandshakeInWithTheTokenAsQueryParameter() throws Exception {
        // browsers cannot set headers on a WebSocket: the web app sends its access token in the URL
        WebSocket browser = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/coaching/ws?access_token=" + learner.token()),
                        new Collector())
                .join();
        try {
            browser.sendText("{not json", true).join();
            assertThat(next().get("data").get("type").asString()).isEqualTo("/problems/malformed-request");
        } finally {
            browser.abort();
        }

        var forged = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/coaching/ws?access_token=not-a-jwt"),
                        new Collector());
        assertThat(forged).failsWithin(java.time.Duration.ofSeconds(10));
    }

    private JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s").isNotNull();
        return frame;
    }

    /** Collects whole text frames as JSON. */
    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
