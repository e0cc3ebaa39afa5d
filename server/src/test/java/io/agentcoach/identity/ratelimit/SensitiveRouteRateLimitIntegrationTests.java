package io.agentcoach.identity.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The strict per-address bucket of the sign-in and account endpoints: sign-up, password login
 * (right or wrong) and the OAuth token endpoint draw from one bucket per client address, while
 * other requests from that address go on.
 */
@IntegrationTest(properties = {"agentcoach.rate-limit.sensitive=5/1m", "agentcoach.identity.login.max-failures=100",
        "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1"})
class SensitiveRouteRateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signInEndpointsShareOneStrictBucketPerAddress() {
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200));
        TestUsers.SignedIn user = new TestUsers(http, jdbc).signUp();
        for (int i = 0; i < 3; i++) {
            Http.Response wrong = login(http, user.email(), "not the password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.header("RateLimit-Policy")).isEqualTo("\"sensitive\";q=5;w=60");
        }
        Http.Response lastAllowed = login(http, user.email(), TestUsers.PASSWORD);
        assertThat(lastAllowed.status()).isEqualTo(200);
        assertThat(lastAllowed.header("RateLimit")).startsWith("\"sensitive\";r=0;");

        Http.Response refused = login(http, user.email(), TestUsers.PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(refused.json().get("policy").asString()).isEqualTo("sensitive");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
        assertThat(refused.json().has("accessToken")).isFalse();

        Http.Response token = http.send(http.request("/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=nobody")).build());
        assertThat(token.status()).isEqualTo(429);
        assertThat(token.isProblem()).isTrue();
        assertThat(http.postJson("/api/auth/signup", """
                {"email": "late@example.org", "password": "%s", "displayName": "Late"}""".formatted(TestUsers.PASSWORD))
                .status()).isEqualTo(429);

        // the rest of the API is not affected
        assertThat(http.get("/api/content/tracks").status()).isEqualTo(200);
        assertThat(user.get("/api/me").status()).isEqualTo(200);
    }

    private static Http.Response login(Http http, String email, String password) {
        return http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, password));
    }
}
