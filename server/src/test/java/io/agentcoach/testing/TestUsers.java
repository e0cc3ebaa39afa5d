package io.agentcoach.testing;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs people up over the real API and hands out their bearer tokens, for tests of any module.
 *
 * <pre>{@code
 * TestUsers users = new TestUsers(new Http(port), jdbc);
 * TestUsers.SignedIn admin = users.orgAdmin();                          // admin of a new organization
 * TestUsers.SignedIn learner = users.member(admin.organizationId(), Role.LEARNER);
 * learner.get("/api/me");                                                // sends Authorization: Bearer ...
 * }</pre>
 *
 * Sign-up goes through {@code POST /api/auth/signup}; joining another organization is written
 * straight to {@code memberships} (the test's shortcut for an accepted invitation), then the
 * person logs in to that organization through {@code POST /api/auth/login}.
 */
public final class TestUsers {

    /** The password every fixture user has. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Http http;
    private final JdbcClient jdbc;

    public TestUsers(Http http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** A new person who administers their own new (personal) organization. */
    public SignedIn orgAdmin() {
        String email = "user" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org";
        Http.Response r = http.postJson("/api/auth/signup", """
                {"email": "%s", "password": "%s", "displayName": "Test User"}""".formatted(email, PASSWORD));
        if (r.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + r.status() + " " + r.body());
        }
        return signedIn(email, r);
    }

    /** A new person with {@code role} in {@code organizationId}, signed in to that organization. */
    public SignedIn member(UUID organizationId, Role role) {
        if (role == Role.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("use platformAdmin() for a platform admin");
        }
        SignedIn person = orgAdmin();
        Tenants.runAs(organizationId, () -> jdbc.sql(
                "insert into memberships (organization_id, user_id, role) values (?, ?, ?)")
                .params(organizationId, person.userId(), role.name().toLowerCase()).update());
        return login(person.email(), organizationId);
    }

    /** A learner in a new organization of their own (its admin is not returned). */
    public SignedIn learner() {
        return member(orgAdmin().organizationId(), Role.LEARNER);
    }

    /** A platform admin, acting in their own personal organization. */
    public SignedIn platformAdmin() {
        SignedIn person = orgAdmin();
        jdbc.sql("update users set platform_admin = true where id = ?").param(person.userId()).update();
        return login(person.email(), person.organizationId());
    }

    /** Logs {@code email} in to {@code organizationId} (or their default organization when null). */
    public SignedIn login(String email, UUID organizationId) {
        String org = organizationId == null ? "" : ", \"organizationId\": \"" + organizationId + "\"";
        Http.Response r = http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"%s}""".formatted(email, PASSWORD, org));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        return signedIn(email, r);
    }

    private SignedIn signedIn(String email, Http.Response r) {
        var json = r.json();
        return new SignedIn(http, email, UUID.fromString(json.get("userId").asString()),
                UUID.fromString(json.get("organizationId").asString()), json.get("accessToken").asString());
    }

    /** A signed-in person and their access token; its request methods send the token. */
    public record SignedIn(Http http, String email, UUID userId, UUID organizationId, String token) {

        /** {@code Bearer <token>}, for an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + token;
        }

        /** A request builder for {@code path} that already carries the token. */
        public HttpRequest.Builder request(String path) {
            return http.request(path).header("Authorization", bearer()).header("Accept", "application/json");
        }

        public Http.Response get(String path) {
            return http.send(request(path).GET().build());
        }

        public Http.Response postJson(String path, String json) {
            return http.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        public Http.Response putJson(String path, String json) {
            return http.send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        public Http.Response delete(String path) {
            return http.send(request(path).DELETE().build());
        }
    }
}
