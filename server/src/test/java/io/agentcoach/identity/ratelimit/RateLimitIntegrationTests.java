package io.agentcoach.identity.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import io.agentcoach.testing.TestUsers.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits over real HTTP and WebSocket, with buckets on the node and quotas small enough to
 * run out in a test: per user (all their tokens together), per API key, per plan, per anonymous
 * client address (whose Retry-After is then waited out), and per learner for coach messages.
 */
@IntegrationTest(properties = {"agentcoach.rate-limit.plans.individual=4/1m", "agentcoach.rate-limit.plans.team=8/1m",
        "agentcoach.rate-limit.anonymous=3/6s", "agentcoach.coaching.messages-per-minute=5",
        "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1"})
class RateLimitIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;

    @BeforeEach
    void ready() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
        // readiness is not rate limited: probes must never be refused
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200));
    }

    @Test
    void allTokensOfOneUserShareTheirPlansBucketAndSuccessfulResponsesSayWhatIsLeft() {
        SignedIn first = users.signUp();
        SignedIn second = users.login(first.email(), first.organizationId());

        List<String> remaining = new ArrayList<>();
        for (SignedIn token : List.of(first, second, first, second)) {
            Http.Response r = token.get("/api/me");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("RateLimit-Policy")).isEqualTo("\"user\";q=4;w=60");
            remaining.add(r.header("RateLimit"));
        }
        assertThat(remaining).extracting(h -> h.replaceAll(";t=\\d+", ""))
                .containsExactly("\"user\";r=3", "\"user\";r=2", "\"user\";r=1", "\"user\";r=0");

        Http.Response refused = second.get("/api/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(refused.json().get("policy").asString()).isEqualTo("user");
        // one token comes back every 15 s
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15L);
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(refused.header("RateLimit")).startsWith("\"user\";r=0;t=");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"user\";q=4;w=60");

        // someone else is not affected
        assertThat(users.orgAdmin().get("/api/me").status()).isEqualTo(200);
        assertThat(http.send(http.request("/actuator/prometheus").header("Accept", "text/plain").GET().build()).body())
                .containsPattern("agentcoach_rate_limit_rejections_total\\{[^}]*bucket=\"user\"[^}]*\\} [1-9]");
    }

    @Test
    void eachApiKeyHasABucketOfItsOwnApartFromItsOwnersTokens() {
        SignedIn owner = users.signUp();
        String key = createKey(owner, "ci");
        String other = createKey(owner, "cron");

        for (int i = 0; i < 4; i++) {
            Http.Response r = http.send(http.request("/api/me").header("X-API-Key", key).GET().build());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("RateLimit-Policy")).isEqualTo("\"api-key\";q=4;w=60");
        }
        Http.Response refused = http.send(http.request("/api/me").header("Authorization", "Bearer " + key).GET().build());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("policy").asString()).isEqualTo("api-key");
        assertThat(refused.json().get("detail").asString()).contains("with this API key");

        assertThat(http.send(http.request("/api/me").header("X-API-Key", other).GET().build()).status()).isEqualTo(200);
        // the owner made two requests (creating the keys) and has two left
        Http.Response own = owner.get("/api/me");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("RateLimit")).startsWith("\"user\";r=1;");
    }

    @Test
    void aTeamPlanGetsTheLargerQuota() {
        SignedIn individual = users.signUp();
        SignedIn team = users.signUp();
        Tenants.runAs(team.organizationId(), () -> jdbc.sql("update organizations set plan = 'team' where id = ?")
                .param(team.organizationId()).update());

        assertThat(statuses(individual, 9)).containsExactly(200, 200, 200, 200, 429, 429, 429, 429, 429);
        assertThat(statuses(team, 9)).containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 429);
        assertThat(team.get("/api/me").header("RateLimit-Policy")).isEqualTo("\"user\";q=8;w=60");
    }

    @Test
    void anonymousRequestsAreLimitedPerAddressAndRetryAfterIsEnough() throws InterruptedException {
        // drain whatever another test left in this address's bucket
        Http.Response refused;
        int allowed = 0;
        while ((refused = http.get("/api/content/tracks")).status() == 200) {
            allowed++;
            assertThat(allowed).as("the anonymous bucket holds 3").isLessThanOrEqualTo(3);
        }
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(refused.json().get("policy").asString()).isEqualTo("ip");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"ip\";q=3;w=6");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // one token per 2 s
        assertThat(retryAfter).isBetween(1L, 2L);

        // requests with credentials count against the caller, health probes against nobody
        assertThat(users.orgAdmin().get("/api/content/tracks").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(retryAfter));
        assertThat(http.get("/api/content/tracks").status()).isEqualTo(200);
    }

    @Test
    void aLearnerFloodingTheCoachSocketGetsRateLimitErrorsWhileOtherSessionsGoOn() throws Exception {
        SignedIn admin = users.orgAdmin();
        SignedIn flooder = users.member(admin.organizationId(), Role.LEARNER);
        SignedIn neighbour = users.member(admin.organizationId(), Role.LEARNER);
        String floodSession = openSession(flooder);
        String quietSession = openSession(neighbour);
        Frames flood = new Frames(flooder);
        Frames quiet = new Frames(neighbour);

        for (int i = 0; i < 100; i++) {
            flood.socket.sendText("{\"sessionId\":\"" + floodSession + "\",\"message\":\"What is an agent, " + i + "?\"}",
                    true).join();
        }
        // every frame is answered: by a full answer or by one error frame
        List<JsonNode> answers = new ArrayList<>();
        List<JsonNode> errors = new ArrayList<>();
        while (answers.size() + errors.size() < 100) {
            JsonNode frame = flood.next();
            switch (frame.get("event").asString()) {
                case "answer" -> answers.add(frame.get("data"));
                case "error" -> errors.add(frame.get("data"));
                default -> { }
            }
        }
        List<JsonNode> limited = errors.stream()
                .filter(e -> e.get("type").asString().equals("/problems/rate-limited")).toList();
        assertThat(answers.size()).isBetween(1, 5);
        // five tokens, one more every 12 s: 95 refusals unless the flood took that long
        assertThat(limited.size()).isBetween(90, 95);
        assertThat(limited.getFirst().get("status").asInt()).isEqualTo(429);
        assertThat(limited.getFirst().get("retryAfterSeconds").asLong()).isBetween(1L, 12L);
        assertThat(limited.getFirst().get("policy").asString()).isEqualTo("coach-messages");
        assertThat(errors).extracting(e -> e.get("type").asString())
                .containsOnly("/problems/rate-limited", "/problems/conflict");

        // the neighbour's session answers as usual, over its own socket
        quiet.socket.sendText("{\"sessionId\":\"" + quietSession + "\",\"message\":\"What is tool calling?\"}", true)
                .join();
        JsonNode frame;
        while ((frame = quiet.next()).get("event").asString().equals("token")) {
            assertThat(frame.get("data").get("text").isString()).isTrue();
        }
        assertThat(frame.get("event").asString()).isEqualTo("answer");

        // the flooder's socket is still open, and nothing accepted was lost
        flood.socket.sendText("{not json", true).join();
        assertThat(flood.next().get("data").get("type").asString()).isEqualTo("/problems/malformed-request");
        JsonNode stored = flooder.get("/api/coaching/sessions/" + floodSession).json().get("messages");
        assertThat(stored.size()).isEqualTo(2 * answers.size());
        flood.socket.abort();
        quiet.socket.abort();
    }

    private List<Integer> statuses(SignedIn who, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(who.get("/api/me").status());
        }
        return statuses;
    }

    private static String createKey(SignedIn owner, String name) {
        Http.Response created = owner.postJson("/api/api-keys", """
                {"name": "%s", "scopes": ["profile"]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    private static String openSession(SignedIn who) {
        Http.Response opened = who.postJson("/api/coaching/sessions", "{\"title\":\"Rate limits\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    /** One learner's coach WebSocket and the whole JSON frames it receives. */
    private final class Frames implements WebSocket.Listener {

        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        Frames(SignedIn who) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", who.bearer())
                    .buildAsync(URI.create("ws://localhost:" + port + "/api/coaching/ws"), this).join();
        }

        JsonNode next() throws InterruptedException {
            JsonNode frame = received.poll(30, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 30 s").isNotNull();
            return frame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
