package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Authenticator;
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

/** TOTP enrolment, sign-in with a code or a recovery code, replay refusal, throttling, audit, admin rights. */
@IntegrationTest
class SecondFactorIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
    }

    @Test
    void anAdminEnrolsAndOnlyThenMayActAsAdmin() {
        var admin = users.signUp();
        String members = "/api/organizations/" + admin.organizationId() + "/members";
        JsonNode mfa = admin.get("/api/me").json().get("mfa");
        assertThat(mfa.get("enabled").asBoolean()).isFalse();
        assertThat(mfa.get("required").asBoolean()).isTrue();
        assertThat(mfa.get("verified").asBoolean()).isFalse();
        var refused = admin.get(members);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/mfa-required");
        // learner rights need no second factor
        assertThat(admin.get("/api/api-keys").status()).isEqualTo(200);

        var started = admin.postJson("/api/me/mfa/totp", "");
        assertThat(started.status()).isEqualTo(201);
        String secret = started.json().get("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(started.json().get("otpauthUri").asString()).isEqualTo("otpauth://totp/AgentCoach:" + admin.email()
                + "?secret=" + secret + "&issuer=AgentCoach&digits=6&period=30");
        String stored = jdbc.sql("select pending_secret from mfa_totp where user_id = ?").param(admin.userId())
                .query(String.class).single();
        assertThat(stored).doesNotContain(secret).startsWith("db:");

        Authenticator app = new Authenticator(secret);
        String wrong = app.code(Authenticator.step() + 5);
        var bad = admin.postJson("/api/me/mfa/totp/confirm", "{\"code\": \"" + wrong + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("type").asString()).isEqualTo("/problems/invalid-mfa-code");
        String code = app.currentCode();
        var confirmed = admin.postJson("/api/me/mfa/totp/confirm", "{\"code\": \"" + code + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        List<String> recovery = confirmed.json().get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z0-9]{4}-[a-z0-9]{4}"));
        List<String> hashes = jdbc.sql("select code_hash from mfa_recovery_codes where user_id = ?")
                .param(admin.userId()).query(String.class).list();
        assertThat(hashes).hasSize(10).noneMatch(h -> recovery.stream().anyMatch(
                c -> h.contains(c) || h.contains(c.replace("-", ""))));
        app.keepRecoveryCodes(recovery);

        // the enrolment token stays unverified; no token without a code; the confirmed code is spent
        assertThat(admin.get(members).status()).isEqualTo(403);
        var noCode = login(admin.email(), null);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.json().get("type").asString()).isEqualTo("/problems/mfa-code-required");
        assertThat(noCode.body()).doesNotContain("accessToken");
        var replay = login(admin.email(), code);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("type").asString()).isEqualTo("/problems/mfa-code-required");

        var verified = login(admin.email(), app.nextCode());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        String token = verified.json().get("accessToken").asString();
        assertThat(claims(token).get("amr").valueStream().map(JsonNode::asString).toList()).containsExactly("pwd", "otp");
        var asAdmin = http.withBearer(token);
        assertThat(asAdmin.get("/api/me").json().get("mfa").get("verified").asBoolean()).isTrue();
        assertThat(asAdmin.get(members).status()).isEqualTo(200);

        List<String> actions = audit(admin.userId());
        assertThat(actions).contains("mfa.enrolment_started", "mfa.failed", "mfa.enabled", "login.mfa_code_missing");
    }

    @Test
    void aRecoveryCodeWorksOnceAndRenewingCodesRetiresTheOldOnes() {
        // enrolled but not signed in with a code yet, so a TOTP step is left in this window for the renewal
        var admin = users.signUp();
        Authenticator app = users.enrolTotp(admin);
        List<String> codes = app.recoveryCodes();
        var first = login(admin.email(), codes.get(0).toUpperCase());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(login(admin.email(), codes.get(0)).status()).isEqualTo(401);
        assertThat(audit(admin.userId())).contains("mfa.recovery_code_used");

        var renewed = admin.postJson("/api/me/mfa/recovery-codes", "{\"code\": \"" + app.nextCode() + "\"}");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(login(admin.email(), codes.get(1)).status()).isEqualTo(401);
        String fresh = renewed.json().get("recoveryCodes").get(0).asString();
        assertThat(login(admin.email(), fresh.replace("-", "")).status()).isEqualTo(200);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        var admin = users.orgAdmin();
        Authenticator app = users.authenticator(admin.email()).orElseThrow();
        for (int i = 0; i < 5; i++) {
            var r = login(admin.email(), app.code(Authenticator.step() + 10 + i));
            assertThat(r.status()).isEqualTo(401);
        }
        var locked = login(admin.email(), app.nextCode());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("type").asString()).isEqualTo("/problems/login-locked");
        assertThat(audit(admin.userId()).stream().filter("mfa.failed"::equals).count()).isEqualTo(5);
    }

    @Test
    void adminsCannotTurnItOffOthersCan() {
        var admin = users.orgAdmin();
        Authenticator adminApp = users.authenticator(admin.email()).orElseThrow();
        var r = http.send(admin.request("/api/me/mfa").header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"code\": \"" + adminApp.nextCode() + "\"}")).build());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/mfa-required-for-role");

        // a person who administers nothing (their personal organization made them a learner)
        var person = users.signUp();
        Tenants.runAs(person.organizationId(), () -> jdbc.sql(
                "update memberships set role = 'learner' where user_id = ?").param(person.userId()).update());
        var learner = users.login(person.email(), null);
        Authenticator app = users.enrolTotp(learner);
        var signedIn = users.login(person.email(), null);
        assertThat(signedIn.get("/api/me").json().get("mfa").get("required").asBoolean()).isFalse();
        var off = http.send(signedIn.request("/api/me/mfa").header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"code\": \"" + app.recoveryCodes().get(0) + "\"}")).build());
        assertThat(off.status()).as(off.body()).isEqualTo(204);
        assertThat(signedIn.get("/api/me").json().get("mfa").get("enabled").asBoolean()).isFalse();
        assertThat(login(person.email(), null).status()).isEqualTo(200);
        assertThat(audit(person.userId())).contains("mfa.disabled");
    }

    @Test
    void anUnverifiedTokenCannotReplaceAnAuthenticatorNorMintAdminKeys() {
        var admin = users.orgAdmin();
        var oldToken = users.signUp();
        // the sign-up token of a person who enrolled later stays unverified
        users.enrolTotp(oldToken);
        var restart = oldToken.postJson("/api/me/mfa/totp", "");
        assertThat(restart.status()).isEqualTo(403);
        assertThat(restart.json().get("type").asString()).isEqualTo("/problems/mfa-required");

        var unverifiedKey = oldToken.postJson("/api/api-keys", "{\"name\": \"x\", \"scopes\": [\"org:admin\"]}");
        assertThat(unverifiedKey.status()).isEqualTo(403);
        assertThat(unverifiedKey.json().get("type").asString()).isEqualTo("/problems/mfa-required");
        var plainKey = oldToken.postJson("/api/api-keys", "{\"name\": \"x\", \"scopes\": [\"profile\"]}");
        assertThat(plainKey.status()).isEqualTo(201);

        // a key made by a verified admin carries admin rights; one made unverified does not
        String adminKey = admin.postJson("/api/api-keys", "{\"name\": \"ops\", \"scopes\": [\"org:admin\"]}")
                .json().get("secret").asString();
        assertThat(http.send(http.request("/api/organizations/" + admin.organizationId() + "/members")
                .header("X-API-Key", adminKey).GET().build()).status()).isEqualTo(200);
    }

    @Test
    void malformedCodesAndBodiesAre4xxProblemsAndChangeNothing() {
        var admin = users.orgAdmin();
        String before = state(admin.userId());
        String[] codes = {"", "   ", "\u0661\u0662\u0663\u0664\u0665\u0666", "12 34 5", "' or 1=1--", "12345\u200b6",
                "x".repeat(21), "\\u0000", "\u202e123456"};
        for (String code : codes) {
            String json = "{\"code\": \"" + code + "\"}";
            for (var r : List.of(login(admin.email(), code), admin.postJson("/api/me/mfa/totp/confirm", json),
                    admin.postJson("/api/me/mfa/recovery-codes", json),
                    http.send(admin.request("/api/me/mfa").header("Content-Type", "application/json")
                            .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(json)).build()))) {
                assertThat(r.status()).as(code + " " + r.body()).isBetween(400, 499);
                assertThat(r.isProblem()).as(code).isTrue();
            }
        }
        String huge = "{\"code\": \"" + "1".repeat(2_000_000) + "\"}";
        var tooBig = admin.postJson("/api/me/mfa/totp/confirm", huge);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.isProblem()).isTrue();
        for (String body : new String[] {"{", "[]", "{\"code\": [\"123456\"]}", "{\"code\": null}"}) {
            var r = admin.postJson("/api/me/mfa/recovery-codes", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(state(admin.userId())).isEqualTo(before);
    }

    /** Everything a code check could change: the authenticator, the recovery codes, the failure count. */
    private String state(UUID userId) {
        return Tenants.callAsSystem(() -> jdbc.sql("""
                select t.secret || '|' || coalesce(t.pending_secret, '') || '|' || t.last_used_step || '|' || u.failed_logins
                    || '|' || coalesce(cast(u.locked_until as varchar), '') || '|' || (select count(*) from
                    mfa_recovery_codes r where r.user_id = u.id and r.used_at is null)
                from users u join mfa_totp t on t.user_id = u.id where u.id = ?
                """).param(userId).query(String.class).single());
    }

    private Http.Response login(String email, String code) {
        return http.postJson("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + TestUsers.PASSWORD
                + "\"" + (code == null ? "" : ", \"mfaCode\": \"" + code + "\"") + "}");
    }

    private List<String> audit(UUID userId) {
        return Tenants.callAsSystem(() -> jdbc.sql("select action from audit_events where actor_id = ? order by seq")
                .param(userId).query(String.class).list());
    }

    static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
