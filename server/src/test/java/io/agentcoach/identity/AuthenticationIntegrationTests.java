package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.agentcoach.identity.security.SigningKeys;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Sign-up, password login, lockout and bearer tokens, over real HTTP against PostgreSQL. */
@IntegrationTest(properties = {"agentcoach.identity.login.max-failures=3", "agentcoach.identity.login.lockout=10m"})
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys signingKeys;

    Http http;
    TestUsers users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
    }

    @Test
    void signUpCreatesAPersonalOrganizationAndSignsIn() {
        var r = http.postJson("/api/auth/signup", """
                {"email": "  Ada.Lovelace@Example.ORG ", "password": "analytical engine", "displayName": "Ada"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(r.json().get("expiresIn").asLong()).isEqualTo(900);

        var me = http.withBearer(r.json().get("accessToken").asString()).get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo("Ada.Lovelace@Example.ORG");
        assertThat(me.json().get("roles").valueStream().map(v -> v.asString()).toList()).containsExactly("org_admin");
        assertThat(me.json().get("scopes").valueStream().map(v -> v.asString()).toList())
                .contains("org:admin", "coach:chat", "profile", "content:write");
        UUID org = UUID.fromString(me.json().get("organizationId").asString());
        assertThat(jdbc.sql("select plan from organizations where id = ?").param(org).query(String.class).single())
                .isEqualTo("individual");
        assertThat(jdbc.sql("select password_hash from users where email_key = 'ada.lovelace@example.org'")
                .query(String.class).single()).startsWith("{bcrypt}").doesNotContain("analytical");
    }

    @Test
    void theSameEmailInAnotherCaseOrUnicodeFormIsTaken() {
        users.orgAdmin();
        http.postJson("/api/auth/signup", """
                {"email": "grace@example.org", "password": "0123456789ab", "displayName": "Grace"}""");
        long before = count("users");
        // fullwidth letters normalise (NFKC) to plain ASCII
        for (String variant : new String[] {"GRACE@example.org", "ｇｒａｃｅ@example.org", " grace@EXAMPLE.org\\t"}) {
            var r = http.postJson("/api/auth/signup", """
                    {"email": "%s", "password": "0123456789ab", "displayName": "Impostor"}""".formatted(variant));
            assertThat(r.status()).as(variant).isEqualTo(409);
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/email-taken");
        }
        assertThat(count("users")).isEqualTo(before);
        assertThat(http.postJson("/api/auth/login", """
                {"email": "ＧＲＡＣＥ@example.org", "password": "0123456789ab"}""").status()).isEqualTo(200);
    }

    @Test
    void badSignUpsAre400ProblemsAndCreateNothing() {
        long before = count("users");
        String[] emails = {"", "no-at-sign", "a@b", "two@@example.org", "zero\u200Bwidth@example.org",
                "bidi\u202Eevil@example.org", "x".repeat(400) + "@example.org", "'; drop table users; --@example.org x",
                "a@" + "b".repeat(300) + ".org"};
        for (String email : emails) {
            var r = http.postJson("/api/auth/signup", """
                    {"email": "%s", "password": "0123456789ab", "displayName": "X"}""".formatted(email));
            assertThat(r.status()).as(email).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/validation-failed");
        }
        var shortPassword = http.postJson("/api/auth/signup", """
                {"email": "short@example.org", "password": "short", "displayName": "X"}""");
        assertThat(shortPassword.status()).isEqualTo(400);
        var longPassword = http.postJson("/api/auth/signup", """
                {"email": "long@example.org", "password": "%s", "displayName": "X"}""".formatted("é".repeat(40)));
        assertThat(longPassword.status()).isEqualTo(400);
        assertThat(count("users")).isEqualTo(before);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        var admin = users.orgAdmin();
        var wrong = http.postJson("/api/auth/login", """
                {"email": "%s", "password": "not the password"}""".formatted(admin.email()));
        var unknown = http.postJson("/api/auth/login", """
                {"email": "nobody-%s@example.org", "password": "not the password"}""".formatted(UUID.randomUUID()));
        for (var r : new Http.Response[] {wrong, unknown}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-credentials");
        }
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        var admin = users.signUp();
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson("/api/auth/login", """
                    {"email": "%s", "password": "guess number %d"}""".formatted(admin.email(), i)).status())
                    .isEqualTo(401);
        }
        var locked = http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(admin.email(), TestUsers.PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("type").asString()).isEqualTo("/problems/login-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(500L, 601L);

        // once the lock has passed, the right password works and the count starts again
        jdbc.sql("update users set locked_until = current_timestamp - interval '1' second where id = ?")
                .param(admin.userId()).update();
        assertThat(http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(admin.email(), TestUsers.PASSWORD)).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select failed_logins from users where id = ?").param(admin.userId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void withoutSmtpTheResetLinkIsLoggedForTheOperator(CapturedOutput output) {
        var person = users.signUp();
        assertThat(http.postJson("/api/auth/password-reset", "{\"email\": \"" + person.email() + "\"}").status())
                .isEqualTo(202);
        java.util.regex.Pattern link = java.util.regex.Pattern.compile(
                "SMTP is not configured[^\\n]*" + java.util.regex.Pattern.quote(person.email())
                        + "[\\s\\S]*?/reset-password\\?token=(rst_[A-Za-z0-9_-]+)");
        String token = await().atMost(Duration.ofSeconds(10)).until(() -> {
            var m = link.matcher(output.getOut());
            return m.find() ? m.group(1) : null;
        }, java.util.Objects::nonNull);
        assertThat(http.postJson("/api/auth/password-reset/confirm", "{\"token\": \"" + token
                + "\", \"newPassword\": \"the operator passed it on\"}").status()).isEqualTo(204);
        assertThat(http.postJson("/api/auth/login", """
                {"email": "%s", "password": "the operator passed it on"}""".formatted(person.email())).status())
                .isEqualTo(200);
    }

    @Test
    void anonymousApiRequestsAre401ProblemsWithABearerChallenge() {
        var r = http.get("/api/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aTokenInTheQueryStringCountsOnlyForWebSocketHandshakes() {
        var learner = users.orgAdmin();
        var r = http.get("/api/me?access_token=" + learner.token());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/unauthorized");
    }

    @Test
    void malformedForgedAndExpiredTokensAre401Problems() throws Exception {
        var admin = users.orgAdmin();
        var gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        var foreign = gen.generateKeyPair();
        String forged = sign(new RSAKey.Builder((RSAPublicKey) foreign.getPublic())
                .privateKey((RSAPrivateKey) foreign.getPrivate()).keyID(signingKeys.current().getKeyID()).build(),
                admin, Instant.now().plusSeconds(600));
        String expired = sign(signingKeys.current(), admin, Instant.now().minusSeconds(120));
        String valid = sign(signingKeys.current(), admin, Instant.now().plusSeconds(600));

        for (String token : new String[] {"not-a-jwt", "a.b.c", forged, expired, valid + "x", "' OR 1=1 --"}) {
            var r = http.send(http.request("/api/me").header("Authorization", "Bearer " + token).GET().build());
            assertThat(r.status()).as(token).isEqualTo(401);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        }
        assertThat(http.withBearer(valid).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void publicOperationsEndpointsStayOpen() {
        // open to anonymous callers; 200 once this node's search index has warmed up
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200));
        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(users.orgAdmin().get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(users.platformAdmin().get("/actuator/metrics").status()).isEqualTo(200);
    }

    private String sign(RSAKey key, TestUsers.SignedIn who, Instant expires) {
        var claims = JwtClaimsSet.builder().issuer("agentcoach").subject(who.userId().toString())
                .issuedAt(expires.minusSeconds(900)).expiresAt(expires)
                .claim("org", who.organizationId().toString()).claim("roles", java.util.List.of("org_admin"))
                .claim("scope", "profile").build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))).encode(JwtEncoderParameters.from(header,
                claims)).getTokenValue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
