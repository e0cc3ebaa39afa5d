package io.agentcoach.testing;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Admin rights need two-step sign-in, so {@link #orgAdmin()} and {@link #platformAdmin()} enrol a
 * TOTP authenticator over the API ({@link Authenticator} computes the codes) and sign in with a
 * code: their tokens are verified by a second factor ({@code amr: [pwd, otp]}). {@link #login} sends
 * a code whenever this fixture enrolled the person.
 */
public final class TestUsers {

    /** The password every fixture user has. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Http http;
    private final JdbcClient jdbc;
    private final Map<String, Authenticator> authenticators = new ConcurrentHashMap<>();

    public TestUsers(Http http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /**
     * A new person who administers their own new (personal) organization, with two-step sign-in
     * enrolled and signed in with a code.
     */
    public SignedIn orgAdmin() {
        SignedIn person = signUp();
        enrolTotp(person);
        return login(person.email(), person.organizationId());
    }

    /** A new person, straight from sign-up: admin of a personal organization, no second factor, token not verified. */
    public SignedIn signUp() {
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
        SignedIn person = signUp();
        Tenants.runAs(organizationId, () -> jdbc.sql(
                "insert into memberships (organization_id, user_id, role) values (?, ?, ?)")
                .params(organizationId, person.userId(), role.name().toLowerCase()).update());
        return login(person.email(), organizationId);
    }

    /** A learner in a new organization of their own (its admin is not returned). */
    public SignedIn learner() {
        return member(signUp().organizationId(), Role.LEARNER);
    }

    /** A platform admin, acting in their own personal organization. */
    public SignedIn platformAdmin() {
        SignedIn person = signUp();
        jdbc.sql("update users set platform_admin = true where id = ?").param(person.userId()).update();
        enrolTotp(person);
        return login(person.email(), person.organizationId());
    }

    /**
     * Enrols a TOTP authenticator for {@code person} over the API, keeping its recovery codes;
     * {@link #login} then sends its codes.
     */
    public Authenticator enrolTotp(SignedIn person) {
        Http.Response started = person.postJson("/api/me/mfa/totp", "");
        if (started.status() != 201) {
            throw new IllegalStateException("MFA enrolment failed: " + started.status() + " " + started.body());
        }
        Authenticator authenticator = new Authenticator(started.json().get("secret").asString());
        Http.Response confirmed = person.postJson("/api/me/mfa/totp/confirm",
                "{\"code\": \"" + authenticator.currentCode() + "\"}");
        if (confirmed.status() != 200) {
            throw new IllegalStateException("MFA confirmation failed: " + confirmed.status() + " " + confirmed.body());
        }
        authenticator.keepRecoveryCodes(confirmed.json().get("recoveryCodes").valueStream()
                .map(v -> v.asString()).toList());
        authenticators.put(person.email(), authenticator);
        return authenticator;
    }

    /** The authenticator this fixture enrolled for {@code email}, if any. */
    public Optional<Authenticator> authenticator(String email) {
        return Optional.ofNullable(authenticators.get(email));
    }

    /**
     * Logs {@code email} in to {@code organizationId} (or their default organization when null),
     * with a second-factor code when this fixture enrolled them.
     */
    public SignedIn login(String email, UUID organizationId) {
        String org = organizationId == null ? "" : ", \"organizationId\": \"" + organizationId + "\"";
        String code = authenticator(email).map(a -> ", \"mfaCode\": \"" + a.nextCode() + "\"").orElse("");
        Http.Response r = http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"%s%s}""".formatted(email, PASSWORD, org, code));
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
