package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
import tools.jackson.databind.json.JsonMapper;

/** Confidential service clients: registered by org admins, client credentials over HTTP, tenant bound, revocable. */
@IntegrationTest
class ServiceClientsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;
    TestUsers.SignedIn admin;
    String clients;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
        admin = users.orgAdmin();
        clients = "/api/organizations/" + admin.organizationId() + "/oauth-clients";
    }

    @Test
    void aClientActsForItsOrganizationWithExactlyItsScopesUntilDeleted() throws Exception {
        var created = admin.postJson(clients, "{\"name\": \"Reporting\", \"scopes\": [\"org:admin\", \"analytics:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String clientId = created.json().get("clientId").asString();
        String secret = created.json().get("clientSecret").asString();
        assertThat(created.json().get("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("analytics:read", "org:admin");
        String stored = jdbc.sql("select client_secret from oauth2_registered_client where client_id = ?")
                .param(clientId).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);
        var listed = admin.get(clients);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(clientId).contains("Reporting").doesNotContain(secret);

        var token = token(clientId, secret, null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String access = JSON.readTree(token.body()).get("access_token").asString();
        JsonNode claims = SecondFactorIntegrationTests.claims(access);
        assertThat(claims.get("org").asString()).isEqualTo(admin.organizationId().toString());
        assertThat(claims.get("scope").asString()).isEqualTo("analytics:read org:admin");
        assertThat(claims.get("client").asBoolean()).isTrue();
        var service = http.withBearer(access);
        assertThat(service.get("/api/organizations/" + admin.organizationId() + "/members").status()).isEqualTo(200);
        assertThat(service.get("/api/mastery/organization/at-risk").status()).isEqualTo(200);
        // tenant bound, and nothing beyond its scopes
        var other = users.orgAdmin();
        assertThat(service.get("/api/organizations/" + other.organizationId() + "/members").status()).isEqualTo(404);
        assertThat(service.get("/api/api-keys").status()).isEqualTo(403);
        assertThat(service.get("/api/coaching/sessions").status()).isEqualTo(403);

        // a narrower request gets a narrower token; a scope never granted is refused
        String narrow = JSON.readTree(token(clientId, secret, "analytics:read").body()).get("access_token").asString();
        assertThat(http.withBearer(narrow).get("/api/organizations/" + admin.organizationId() + "/members").status())
                .isEqualTo(403);
        var beyond = token(clientId, secret, "content:write");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("invalid_scope");
        assertThat(token(clientId, secret + "x", null).statusCode()).isEqualTo(401);

        var deleted = admin.delete(clients + "/" + clientId);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(token(clientId, secret, null).statusCode()).isEqualTo(401);
        assertThat(service.get("/api/organizations/" + admin.organizationId() + "/members").status()).isEqualTo(401);
        assertThat(admin.delete(clients + "/" + clientId).status()).isEqualTo(404);
    }

    @Test
    void onlyOrganizationScopesAnAdminHoldsCanBeGranted() {
        long before = count();
        for (String scopes : new String[] {"[\"profile\"]", "[\"coach:chat\"]", "[\"root\"]", "[]", "[\"\"]"}) {
            var r = admin.postJson(clients, "{\"name\": \"x\", \"scopes\": " + scopes + "}");
            assertThat(r.status()).as(scopes).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        var unverified = users.signUp();
        var r = unverified.postJson("/api/organizations/" + unverified.organizationId() + "/oauth-clients",
                "{\"name\": \"x\", \"scopes\": [\"content:read\"]}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/mfa-required");
        var stranger = users.orgAdmin();
        assertThat(stranger.postJson(clients, "{\"name\": \"x\", \"scopes\": [\"content:read\"]}").status())
                .isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return Tenants.callAsSystem(() -> jdbc.sql("select count(*) from oauth_clients").query(Long.class).single());
    }

    private HttpResponse<String> token(String clientId, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
