package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

/**
 * The OAuth 2.1 authorization server as the CLI uses it: sign in through the browser with
 * authorization code + PKCE, exchange the code, refresh (rotating), revoke. Real HTTP, real
 * PostgreSQL.
 */
@IntegrationTest
class AuthorizationServerIntegrationTests {

    static final String CLIENT = "agentcoach-cli";
    static final String REDIRECT = "http://127.0.0.1:47123/callback";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers.SignedIn person;

    @BeforeEach
    void signUp() {
        http = new Http(port);
        person = new TestUsers(http, jdbc).signUp();
    }

    @Test
    void discoveryAndJwksPublishOnlyPublicKeys() {
        JsonNode discovery = http.get("/.well-known/openid-configuration").json();
        assertThat(discovery.get("issuer").asString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
        JsonNode jwks = http.get("/oauth2/jwks").json();
        assertThat(jwks.get("keys").size()).isPositive();
        jwks.get("keys").forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.has("d")).isFalse();
        });
    }

    @Test
    void authorizationCodeWithPkceGivesATokenTheApiAccepts() throws Exception {
        Tokens tokens = signInWithPkce();
        var me = http.withBearer(tokens.access()).get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("userId").asString()).isEqualTo(person.userId().toString());
        assertThat(me.json().get("organizationId").asString()).isEqualTo(person.organizationId().toString());
        assertThat(me.json().get("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("coach:chat", "profile");
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?")
                .param(person.userId().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void pkceIsRequiredOfPublicClients() throws Exception {
        Browser browser = new Browser();
        var r = browser.get("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "scope", "openid profile", "state", "s1")));
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("error=invalid_request").doesNotContain("code=");

        // a code obtained with PKCE cannot be redeemed with the wrong verifier
        Browser signedIn = new Browser();
        String code = signedIn.authorize(person.email(), challenge("the-right-verifier-" + "x".repeat(40)));
        var wrong = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", "a-wrong-verifier-" + "y".repeat(40)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesTheWholeFamily() throws Exception {
        Tokens first = signInWithPkce();
        Tokens second = refresh(first.refresh());
        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        Tokens third = refresh(second.refresh());
        assertThat(http.withBearer(third.access()).get("/api/me").status()).isEqualTo(200);

        // the first token again: a thief or a confused client; everything descending from it dies
        var reuse = post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", first.refresh(),
                "client_id", CLIENT));
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.body()).contains("invalid_grant");
        var current = post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", third.refresh(),
                "client_id", CLIENT));
        assertThat(current.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?")
                .param(person.userId().toString()).query(Long.class).single()).isZero();
    }

    @Test
    void aRevokedRefreshTokenNoLongerWorks() throws Exception {
        Tokens tokens = signInWithPkce();
        var revoke = post("/oauth2/revoke", Map.of("token", tokens.refresh(), "token_type_hint", "refresh_token",
                "client_id", CLIENT));
        assertThat(revoke.statusCode()).isEqualTo(200);
        var refresh = post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh(),
                "client_id", CLIENT));
        assertThat(refresh.statusCode()).isEqualTo(400);
    }

    @Test
    void aDeactivatedPersonCannotRefresh() throws Exception {
        Tokens tokens = signInWithPkce();
        jdbc.sql("update users set active = false where id = ?").param(person.userId()).update();
        var refresh = post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh(),
                "client_id", CLIENT));
        assertThat(refresh.statusCode()).isEqualTo(400);
    }

    @Test
    void changingThePasswordRevokesEveryOtherSignInButKeepsThisOne() throws Exception {
        Tokens here = signInWithPkce();
        // another device: its browser stays signed in to the authorization server, and it holds tokens
        Browser elsewhereBrowser = new Browser();
        String verifier = verifier();
        var exchanged = post("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", elsewhereBrowser.authorize(person.email(), challenge(verifier)), "redirect_uri", REDIRECT,
                "client_id", CLIENT, "code_verifier", verifier));
        Tokens elsewhere = tokens(exchanged);
        var asHere = http.withBearer(here.access());

        var wrong = asHere.postJson("/api/me/password", """
                {"currentPassword": "not the password", "newPassword": "a brand new passphrase"}""");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/wrong-password");
        var weak = asHere.postJson("/api/me/password", """
                {"currentPassword": "%s", "newPassword": "short"}""".formatted(TestUsers.PASSWORD));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("type").asString()).isEqualTo("/problems/validation-failed");
        var missing = asHere.postJson("/api/me/password", "{\"newPassword\": \"a brand new passphrase\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        // nothing changed so far: the other sign-in still refreshes, its browser still gets codes
        elsewhere = refresh(elsewhere.refresh());
        assertThat(elsewhereBrowser.get(authorizeUrl(challenge(verifier()))).headers().firstValue("Location")
                .orElseThrow()).startsWith(REDIRECT).contains("code=");

        var changed = asHere.postJson("/api/me/password", """
                {"currentPassword": "%s", "newPassword": "a brand new passphrase"}""".formatted(TestUsers.PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        var stale = post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", elsewhere.refresh(),
                "client_id", CLIENT));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("invalid_grant");
        var signedOut = elsewhereBrowser.get(authorizeUrl(challenge(verifier())));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/login");
        Tokens stillHere = refresh(here.refresh());
        assertThat(http.withBearer(stillHere.access()).get("/api/me").status()).isEqualTo(200);

        assertThat(login(TestUsers.PASSWORD).status()).isEqualTo(401);
        assertThat(login("a brand new passphrase").status()).isEqualTo(200);
        assertThat(Tenants.callAsSystem(() -> jdbc.sql(
                "select count(*) from audit_events where actor_id = ? and action = 'password.changed'")
                .param(person.userId()).query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void aPersonWithASecondFactorGivesACodeBeforeAnyCodeIsIssued() throws Exception {
        TestUsers users = new TestUsers(http, jdbc);
        TestUsers.SignedIn admin = users.orgAdmin();
        Authenticator app = users.authenticator(admin.email()).orElseThrow();
        String verifier = verifier();
        Browser browser = new Browser();
        var back = browser.signIn(admin.email(), authorizeUrl(challenge(verifier), "openid profile org:admin"));
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/mfa");
        // however often it is asked, no code is issued to the half-signed-in session
        var again = browser.get(authorizeUrl(challenge(verifier), "openid profile org:admin"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/mfa");

        var page = browser.get("/oauth2/mfa");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\">", "<label for=\"code\">", "autocomplete=\"one-time-code\"");
        var noCsrf = browser.postForm("/oauth2/mfa", Map.of("code", "123456"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        var wrong = browser.postForm("/oauth2/mfa", Map.of("code", app.code(Authenticator.step() + 7),
                "_csrf", csrf(page.body())));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("role=\"alert\"");
        var right = browser.postForm("/oauth2/mfa", Map.of("code", app.nextCode(), "_csrf", csrf(wrong.body())));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(303);
        String code = browser.followToCode(right.headers().firstValue("Location").orElseThrow());

        var exchanged = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", verifier));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        Tokens tokens = tokens(exchanged);
        assertThat(SecondFactorIntegrationTests.claims(tokens.access()).get("amr").toString())
                .isEqualTo("[\"pwd\",\"otp\"]");
        var asAdmin = http.withBearer(tokens.access());
        assertThat(asAdmin.get("/api/organizations/" + admin.organizationId() + "/members").status()).isEqualTo(200);
        // refreshed tokens keep the verified sign-in
        Tokens refreshed = refresh(tokens.refresh());
        assertThat(SecondFactorIntegrationTests.claims(refreshed.access()).get("amr").toString())
                .isEqualTo("[\"pwd\",\"otp\"]");
    }

    @Test
    void signUpSignsTheBrowserInSoAuthorizationNeedsNoPasswordPage() throws Exception {
        Browser browser = new Browser();
        String email = "fresh-" + java.util.UUID.randomUUID() + "@example.org";
        var signUp = browser.client.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/signup"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"" + email + "\", \"password\": \"" + TestUsers.PASSWORD
                                + "\", \"displayName\": \"Fresh\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        assertThat(signUp.body()).contains("accessToken");
        String userId = JSON.readTree(signUp.body()).get("userId").asString();

        String verifier = verifier();
        var authorized = browser.get(authorizeUrl(challenge(verifier)));
        assertThat(authorized.statusCode()).isEqualTo(302);
        String callback = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(REDIRECT).contains("state=st4te");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertThat(code.find()).isTrue();
        var exchanged = post("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", REDIRECT,
                "client_id", CLIENT, "code_verifier", verifier));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        var me = http.withBearer(tokens(exchanged).access()).get("/api/me");
        assertThat(me.json().get("userId").asString()).isEqualTo(userId);
        // another browser (no session cookie) still meets the password page
        var stranger = new Browser().get(authorizeUrl(challenge(verifier)));
        assertThat(stranger.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/login");
    }

    static String authorizeUrl(String challenge) {
        return authorizeUrl(challenge, "openid profile coach:chat");
    }

    static String authorizeUrl(String challenge, String scope) {
        return "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "scope", scope, "state", "st4te",
                "code_challenge", challenge, "code_challenge_method", "S256"));
    }

    static String csrf(String html) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).as(html).isTrue();
        return csrf.group(1);
    }

    private Http.Response login(String password) {
        return http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(person.email(), password));
    }

    private Tokens signInWithPkce() throws Exception {
        String verifier = verifier();
        String code = new Browser().authorize(person.email(), challenge(verifier));
        var r = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", verifier));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return tokens(r);
    }

    private Tokens refresh(String refreshToken) throws Exception {
        var r = post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return tokens(r);
    }

    private static Tokens tokens(HttpResponse<String> r) {
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.get("expires_in").asLong()).isBetween(890L, 900L);
        return new Tokens(json.get("access_token").asString(), json.get("refresh_token").asString());
    }

    private HttpResponse<String> post(String path, Map<String, String> params) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String form(Map<String, String> params) {
        return new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    record Tokens(String access, String refresh) {
    }

    /** A browser: keeps cookies, does not follow redirects by itself. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String pathOrUrl) throws Exception {
            URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
            return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> params) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Starts the authorization code flow and signs in with the password; returns where the browser goes next. */
        HttpResponse<String> signIn(String email, String authorizeUrl) throws Exception {
            var start = get(authorizeUrl);
            assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/login");
            var page = get("/oauth2/login");
            var login = postForm("/oauth2/login", Map.of("username", email, "password", TestUsers.PASSWORD,
                    "_csrf", csrf(page.body())));
            assertThat(login.statusCode()).isEqualTo(302);
            var back = get(login.headers().firstValue("Location").orElseThrow());
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            return back;
        }

        /** Runs the sign-in of the authorization code flow and returns the code. */
        String authorize(String email, String challenge) throws Exception {
            return followToCode(signIn(email, authorizeUrl(challenge)).headers().firstValue("Location").orElseThrow());
        }

        /** Follows the browser to the client's callback and returns the code it carries. */
        String followToCode(String location) throws Exception {
            String callback = location;
            if (!callback.startsWith(REDIRECT)) {
                var back = get(location);
                assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
                callback = back.headers().firstValue("Location").orElseThrow();
            }
            assertThat(callback).startsWith(REDIRECT).contains("state=st4te");
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
            assertThat(code.find()).isTrue();
            return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        }
    }
}
