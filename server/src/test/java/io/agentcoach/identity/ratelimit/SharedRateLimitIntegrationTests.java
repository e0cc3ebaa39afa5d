package io.agentcoach.identity.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import io.agentcoach.AgentCoachApplication;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.PostgresTestDatabase;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes, one PostgreSQL schema and the real Redis on 127.0.0.1:6379: the test's own
 * application context is the first node, a second one is started beside it on the same database
 * and Redis. A user's requests and an address's anonymous requests draw from one bucket whichever
 * node serves them. The buckets' keys carry a prefix of this run, so runs never share state.
 */
@IntegrationTest(properties = {"agentcoach.redis.url=" + SharedRateLimitIntegrationTests.REDIS,
        "agentcoach.rate-limit.plans.individual=5/1m", "agentcoach.rate-limit.anonymous=4/1m",
        "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.minimum-idle=1"})
class SharedRateLimitIntegrationTests {

    static final String REDIS = "redis://127.0.0.1:6379";
    static final String KEY_PREFIX = "agentcoach-test:" + UUID.randomUUID() + ":";

    static ConfigurableApplicationContext secondNode;

    @DynamicPropertySource
    static void keyPrefix(DynamicPropertyRegistry registry) {
        registry.add("agentcoach.rate-limit.redis.key-prefix", () -> KEY_PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    Http first;
    Http second;

    @BeforeEach
    void twoNodes() throws IOException {
        first = new Http(port);
        if (secondNode == null) {
            secondNode = startSecondNode();
        }
        second = new Http(Integer.parseInt(secondNode.getEnvironment().getRequiredProperty("local.server.port")));
        for (Http node : new Http[] {first, second}) {
            await().atMost(Duration.ofSeconds(180))
                    .untilAsserted(() -> assertThat(node.get("/actuator/health/readiness").status()).isEqualTo(200));
        }
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aUsersRequestsOnEitherNodeDrawFromOneBucket() {
        TestUsers.SignedIn user = new TestUsers(first, jdbc).signUp();
        Http onFirst = first.withBearer(user.token());
        Http onSecond = second.withBearer(user.token());

        Http.Response firstCall = onFirst.get("/api/me");
        assertThat(firstCall.header("RateLimit")).as(firstCall.status() + " " + firstCall.body()).startsWith("\"user\";r=4;");
        assertThat(onSecond.get("/api/me").header("RateLimit")).startsWith("\"user\";r=3;");
        assertThat(onFirst.get("/api/me").header("RateLimit")).startsWith("\"user\";r=2;");
        assertThat(onSecond.get("/api/me").header("RateLimit")).startsWith("\"user\";r=1;");
        assertThat(onSecond.get("/api/me").header("RateLimit")).startsWith("\"user\";r=0;");

        Http.Response refused = onFirst.get("/api/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(onSecond.get("/api/me").status()).isEqualTo(429);
    }

    @Test
    void anAddressesAnonymousRequestsOnEitherNodeDrawFromOneBucket() {
        int allowed = 0;
        Http.Response last;
        // alternate between the nodes until the shared bucket of 4 runs out
        while ((last = (allowed % 2 == 0 ? first : second).get("/api/content/tracks")).status() == 200) {
            allowed++;
            assertThat(allowed).as("one bucket of 4 for both nodes").isLessThanOrEqualTo(4);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(allowed).isBetween(1, 4);
        assertThat(first.get("/api/content/tracks").status()).isEqualTo(429);
        assertThat(second.get("/api/content/tracks").status()).isEqualTo(429);
    }

    /** A second node of the same deployment: same database schema, same Redis, its own port and index. */
    private ConfigurableApplicationContext startSecondNode() throws IOException {
        String schema = environment.getRequiredProperty("agentcoach.test.schema");
        return new SpringApplicationBuilder(AgentCoachApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + PostgresTestDatabase.APP_USER,
                "--spring.datasource.password=" + PostgresTestDatabase.APP_PASSWORD,
                "--spring.flyway.default-schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.datasource.hikari.minimum-idle=1",
                "--agentcoach.content.dir=src/test/resources/content-fixture",
                "--agentcoach.knowledge.index-dir=" + Files.createTempDirectory("agentcoach-second-node-index"),
                "--agentcoach.redis.url=" + REDIS,
                "--agentcoach.rate-limit.redis.key-prefix=" + KEY_PREFIX,
                "--agentcoach.rate-limit.plans.individual=5/1m",
                "--agentcoach.rate-limit.anonymous=4/1m",
                "--agentcoach.rate-limit.sensitive=10000/1m");
    }
}
