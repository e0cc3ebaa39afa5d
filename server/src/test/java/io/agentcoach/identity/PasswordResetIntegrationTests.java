package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password reset, password change and invitation mail through a real SMTP server (GreenMail)
 * running in the test JVM: the link in the delivered mail resets the password once, within its
 * lifetime; asking for an unknown address looks exactly the same and sends nothing; a password
 * change is mailed as a notice.
 */
@IntegrationTest(properties = "agentcoach.public-url=https://coach.example.test")
class PasswordResetIntegrationTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final Pattern LINK = Pattern.compile("https://coach\\.example\\.test/reset-password\\?token=(\\S+)");
    static final String NEW_PASSWORD = "a brand new passphrase";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("agentcoach.smtp.host", () -> "127.0.0.1");
        registry.add("agentcoach.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("agentcoach.smtp.from", () -> "AgentCoach <coach@example.test>");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;

    @BeforeEach
    void client() throws Exception {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void theMailedLinkResetsThePasswordOnceAndEndsOtherSessions() throws Exception {
        var person = users.signUp();
        insertAuthorization(person.userId());
        Tenants.runAsSystem(() -> jdbc.sql("update users set failed_logins = 3 where id = ?").param(person.userId())
                .update());

        var asked = http.postJson("/api/auth/password-reset", "{\"email\": \"" + person.email().toUpperCase() + "\"}");
        assertThat(asked.status()).isEqualTo(202);
        MimeMessage mail = onlyMailTo(person.email());
        assertThat(mail.getSubject()).isEqualTo("Reset your AgentCoach password");
        assertThat(mail.getFrom()[0].toString()).contains("coach@example.test");
        String token = token(mail);
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from password_reset_tokens where token_hash = ?")
                .param(token).query(Long.class).single())).isZero();

        var reset = http.postJson("/api/auth/password-reset/confirm",
                "{\"token\": \"" + token + "\", \"newPassword\": \"" + NEW_PASSWORD + "\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(login(person.email(), TestUsers.PASSWORD).status()).isEqualTo(401);
        assertThat(login(person.email(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?")
                .param(person.userId().toString()).query(Long.class).single()).isZero();

        var again = http.postJson("/api/auth/password-reset/confirm",
                "{\"token\": \"" + token + "\", \"newPassword\": \"yet another passphrase\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/invalid-reset-token");
        assertThat(login(person.email(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(audit(person.userId())).contains("password_reset.requested", "password_reset.completed");
    }

    @Test
    void aPasswordChangeIsMailedAsANoticeAndVoidsAnOutstandingResetLink() throws Exception {
        var person = users.signUp();
        http.postJson("/api/auth/password-reset", "{\"email\": \"" + person.email() + "\"}");
        String token = token(onlyMailTo(person.email()));
        SMTP.purgeEmailFromAllMailboxes();

        var changed = person.postJson("/api/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(TestUsers.PASSWORD, NEW_PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        MimeMessage notice = onlyMailTo(person.email());
        assertThat(notice.getSubject()).isEqualTo("Your AgentCoach password was changed");
        assertThat(GreenMailUtil.getBody(notice)).doesNotContain(NEW_PASSWORD);

        var reset = http.postJson("/api/auth/password-reset/confirm",
                "{\"token\": \"" + token + "\", \"newPassword\": \"yet another passphrase\"}");
        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.json().get("type").asString()).isEqualTo("/problems/invalid-reset-token");
        assertThat(login(person.email(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(audit(person.userId())).contains("password.changed");
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothing() throws Exception {
        var person = users.signUp();
        http.postJson("/api/auth/password-reset", "{\"email\": \"" + person.email() + "\"}");
        String token = token(onlyMailTo(person.email()));
        Tenants.runAsSystem(() -> jdbc.sql("update password_reset_tokens set expires_at = current_timestamp - "
                + "interval '1' second where user_id = ?").param(person.userId()).update());
        var r = http.postJson("/api/auth/password-reset/confirm",
                "{\"token\": \"" + token + "\", \"newPassword\": \"" + NEW_PASSWORD + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-reset-token");
        assertThat(login(person.email(), TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        var person = users.signUp();
        var known = http.postJson("/api/auth/password-reset", "{\"email\": \"" + person.email() + "\"}");
        var unknown = http.postJson("/api/auth/password-reset", "{\"email\": \"nobody-" + UUID.randomUUID()
                + "@example.org\"}");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.contentType()).isEqualTo(known.contentType());
        onlyMailTo(person.email());
        // the worker handles requests in order: the unknown one was done before this one is mailed
        var marker = users.signUp();
        http.postJson("/api/auth/password-reset", "{\"email\": \"" + marker.email() + "\"}");
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void badInputIs400AndChangesNothing() throws Exception {
        var person = users.signUp();
        long tokens = tokens();
        for (String body : new String[] {"{\"email\": \"not-an-email\"}", "{\"email\": \"ada\u200b@example.org\"}",
                "{\"email\": \"ada@exa\u202emple.org\"}", "{\"email\": \"" + "a".repeat(400) + "@example.org\"}",
                "{\"email\": \"\"}", "{}", "{\"email\": ", "[]"}) {
            var r = http.postJson("/api/auth/password-reset", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.isProblem()).as(body).isTrue();
        }
        http.postJson("/api/auth/password-reset", "{\"email\": \"" + person.email() + "\"}");
        String token = token(onlyMailTo(person.email()));
        for (String body : new String[] {"{\"token\": \"" + token + "\", \"newPassword\": \"short\"}",
                "{\"token\": \"" + token + "\", \"newPassword\": \"" + "é".repeat(60) + "\"}",
                "{\"token\": \"' or '1'='1\", \"newPassword\": \"" + NEW_PASSWORD + "\"}",
                "{\"token\": \"" + "x".repeat(500) + "\", \"newPassword\": \"" + NEW_PASSWORD + "\"}",
                "{\"token\": \"" + token + "\"}"}) {
            var r = http.postJson("/api/auth/password-reset/confirm", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.isProblem()).as(body).isTrue();
        }
        assertThat(tokens()).isEqualTo(tokens + 1);
        assertThat(login(person.email(), TestUsers.PASSWORD).status()).isEqualTo(200);
        // the link still works after all that
        assertThat(http.postJson("/api/auth/password-reset/confirm",
                "{\"token\": \"" + token + "\", \"newPassword\": \"" + NEW_PASSWORD + "\"}").status()).isEqualTo(204);
    }

    @Test
    void invitationsAreMailedWithTheirLink() throws Exception {
        var admin = users.orgAdmin();
        var r = admin.postJson("/api/organizations/" + admin.organizationId() + "/invitations",
                "{\"email\": \"Grace.Hopper@Example.org\", \"role\": \"instructor\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("emailed").asBoolean()).isTrue();
        MimeMessage mail = onlyMailTo("Grace.Hopper@Example.org");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("https://coach.example.test/accept-invitation?token=" + r.json().get("token").asString())
                .contains("as instructor");
        assertThat(r.json().get("link").asString()).startsWith("https://coach.example.test/accept-invitation?token=inv_");
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("a mail arrives").isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualToIgnoringCase(address);
        return received[0];
    }

    private static String token(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as(GreenMailUtil.getBody(mail)).isTrue();
        return link.group(1);
    }

    private Http.Response login(String email, String password) {
        return http.postJson("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    private long tokens() {
        return Tenants.callAsSystem(() -> jdbc.sql("select count(*) from password_reset_tokens").query(Long.class)
                .single());
    }

    private java.util.List<String> audit(UUID userId) {
        return Tenants.callAsSystem(() -> jdbc.sql("select action from audit_events where actor_id = ? order by seq")
                .param(userId).query(String.class).list());
    }

    /** A signed-in session elsewhere: an authorization of the web app client holding a refresh token. */
    private void insertAuthorization(UUID userId) {
        String client = jdbc.sql("select id from oauth2_registered_client where client_id = 'agentcoach-web'")
                .query(String.class).single();
        jdbc.sql("""
                insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    refresh_token_value, refresh_token_issued_at, refresh_token_expires_at)
                values (?, ?, ?, 'authorization_code', 'refresh-token', current_timestamp, current_timestamp + interval '1' day)
                """).params(UUID.randomUUID().toString(), client, userId.toString()).update();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
