package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys: shown once, stored hashed, scoped, counted, revocable and expiring. */
@IntegrationTest
class ApiKeysIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers.SignedIn owner;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        owner = new TestUsers(http, jdbc).orgAdmin();
    }

    @Test
    void aKeyAuthenticatesByEitherHeaderAndCountsItsUse() {
        var created = owner.postJson("/api/api-keys", """
                {"name": "ci", "scopes": ["profile", "coach:chat"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("ak_").hasSizeGreaterThan(40);
        assertThat(Tenants.callAs(owner.organizationId(), () -> jdbc.sql(
                "select count(*) from api_keys where secret_hash = ? or prefix = ?")
                .params(secret, secret).query(Long.class).single())).isZero();

        var viaHeader = http.send(http.request("/api/me").header("X-API-Key", secret).GET().build());
        var viaBearer = http.send(http.request("/api/me").header("Authorization", "Bearer " + secret).GET().build());
        assertThat(viaHeader.status()).isEqualTo(200);
        assertThat(viaBearer.status()).isEqualTo(200);
        assertThat(viaHeader.json().get("scopes").valueStream().map(v -> v.asString()).toList())
                .containsExactly("coach:chat", "profile");

        var listed = owner.get("/api/api-keys");
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(listed.json().get(0).get("usageCount").asLong()).isEqualTo(2);
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void scopesGateTheApi() {
        String secret = owner.postJson("/api/api-keys", """
                {"name": "chat only", "scopes": ["coach:chat"]}""").json().get("secret").asString();
        var r = http.send(http.request("/api/api-keys").header("X-API-Key", secret).GET().build());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void revokedExpiredAndUnknownKeysAre401() {
        var created = owner.postJson("/api/api-keys", """
                {"name": "short", "scopes": ["profile"], "expiresAt": "%s"}"""
                .formatted(Instant.now().plusSeconds(3600))).json();
        String secret = created.get("secret").asString();
        assertThat(http.send(http.request("/api/me").header("X-API-Key", secret).GET().build()).status())
                .isEqualTo(200);

        Tenants.runAs(owner.organizationId(), () -> jdbc.sql(
                "update api_keys set expires_at = current_timestamp - interval '1' second").update());
        assertThat(http.send(http.request("/api/me").header("X-API-Key", secret).GET().build()).status())
                .isEqualTo(401);

        String other = owner.postJson("/api/api-keys", """
                {"name": "other", "scopes": ["profile"]}""").json().get("secret").asString();
        String id = owner.get("/api/api-keys").json().get(0).get("id").asString();
        assertThat(owner.delete("/api/api-keys/" + id).json().get("revokedAt").isNull()).isFalse();
        var revoked = http.send(http.request("/api/me").header("Authorization", "Bearer " + other).GET().build());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).contains("invalid_token");

        for (String bogus : new String[] {"ak_nope", "ak_' or '1'='1", "ak_" + "x".repeat(500)}) {
            var r = http.send(http.request("/api/me").header("X-API-Key", bogus).GET().build());
            assertThat(r.status()).as(bogus).isEqualTo(401);
            assertThat(r.isProblem()).isTrue();
        }
    }

    @Test
    void aKeyCannotBeGivenUnknownScopesOrAPastExpiry() {
        long before = keys();
        assertThat(owner.postJson("/api/api-keys", """
                {"name": "x", "scopes": ["root"]}""").status()).isEqualTo(400);
        assertThat(owner.postJson("/api/api-keys", """
                {"name": "x", "scopes": ["profile"], "expiresAt": "2001-01-01T00:00:00Z"}""").status()).isEqualTo(400);
        assertThat(owner.postJson("/api/api-keys", """
                {"name": "", "scopes": []}""").status()).isEqualTo(400);
        assertThat(keys()).isEqualTo(before);
    }

    private long keys() {
        return Tenants.callAsSystem(() -> jdbc.sql("select count(*) from api_keys").query(Long.class).single());
    }

    @Test
    void anotherPersonsKeyCannotBeRevoked() {
        owner.postJson("/api/api-keys", """
                {"name": "mine", "scopes": ["profile"]}""");
        String id = owner.get("/api/api-keys").json().get(0).get("id").asString();
        var stranger = new TestUsers(http, jdbc).orgAdmin();
        assertThat(stranger.delete("/api/api-keys/" + id).status()).isEqualTo(404);
        assertThat(owner.get("/api/api-keys").json().get(0).has("revokedAt")).isFalse();
    }
}
