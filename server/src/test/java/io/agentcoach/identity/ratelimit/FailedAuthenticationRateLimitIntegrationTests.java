package io.agentcoach.identity.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Credential guessing against the API is throttled per client address: invalid bearer tokens and
 * unknown API keys draw from one {@code failed-auth} bucket, and once it is empty the address's
 * requests with credentials are refused before they are checked, valid ones included, until the
 * bucket has a token again. Requests without credentials are not affected.
 */
@IntegrationTest(properties = {"agentcoach.rate-limit.failed-auth=3/6s",
        "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1"})
class FailedAuthenticationRateLimitIntegrationTests {

    static final String FORGED_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void invalidTokensAndKeysFromOneAddressAreThrottledThenTheAddressMayTryAgain() {
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200));
        TestUsers.SignedIn person = new TestUsers(http, jdbc).signUp();
        // valid credentials take nothing from the bucket
        for (int i = 0; i < 5; i++) {
            assertThat(person.get("/api/me").status()).isEqualTo(200);
        }

        assertThat(http.withBearer(FORGED_JWT).get("/api/me").status()).isEqualTo(401);
        assertThat(http.withBearer("not-a-jwt").get("/api/me").status()).isEqualTo(401);
        assertThat(apiKey(http, "ak_unknown0000000000000000000000").status()).isEqualTo(401);

        Http.Response refused = apiKey(http, "ak_another0000000000000000000000");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(refused.json().get("policy").asString()).isEqualTo("failed-auth");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 6L);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"failed-auth\";q=3;w=6");

        // while the address is blocked even a right token is not checked; requests without credentials go on
        Http.Response blocked = person.get("/api/me");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("policy").asString()).isEqualTo("failed-auth");
        assertThat(blocked.json().has("userId")).isFalse();
        assertThat(http.withBearer(FORGED_JWT).get("/api/me").status()).isEqualTo(429);
        assertThat(http.get("/api/content/tracks").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(person.get("/api/me").status()).isEqualTo(200));
        assertThat(http.withBearer(FORGED_JWT).get("/api/me").status()).isEqualTo(401);
    }

    private static Http.Response apiKey(Http http, String key) {
        return http.send(http.request("/api/me").header("X-API-Key", key).GET().build());
    }
}
