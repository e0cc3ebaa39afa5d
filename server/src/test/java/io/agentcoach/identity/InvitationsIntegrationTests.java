package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An org admin invites by email; only that person can accept, once, and gets the role. */
@IntegrationTest
class InvitationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theInvitedPersonJoinsWithTheRoleOnce() {
        Http http = new Http(port);
        TestUsers users = new TestUsers(http, jdbc);
        var admin = users.orgAdmin();
        var invite = admin.postJson("/api/organizations/" + admin.organizationId() + "/invitations",
                "{\"email\":\"Invited.Person@Example.org\",\"role\":\"instructor\"}");
        assertThat(invite.status()).as(invite.body()).isEqualTo(201);
        String token = invite.json().get("token").asString();
        assertThat(token).startsWith("inv_");

        var stranger = users.orgAdmin();
        assertThat(stranger.postJson("/api/invitations/accept", "{\"token\":\"" + token + "\"}").status())
                .isEqualTo(404);

        http.postJson("/api/auth/signup", """
                {"email": "invited.person@example.org", "password": "%s", "displayName": "Invited"}"""
                .formatted(TestUsers.PASSWORD));
        var invited = users.login("invited.person@example.org", null);
        var accepted = invited.postJson("/api/invitations/accept", "{\"token\":\"" + token + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("role").asString()).isEqualTo("instructor");
        assertThat(invited.postJson("/api/invitations/accept", "{\"token\":\"" + token + "\"}").status())
                .isEqualTo(404);

        var inOrg = users.login("invited.person@example.org", admin.organizationId());
        assertThat(inOrg.get("/api/me").json().get("roles").get(0).asString()).isEqualTo("instructor");
        var byDefault = users.login("invited.person@example.org", null);
        assertThat(byDefault.organizationId()).as("a sign-in that names no organization lands in the one joined last")
                .isEqualTo(admin.organizationId());
        assertThat(users.login("invited.person@example.org", invited.organizationId()).organizationId())
                .as("the personal organization stays reachable by name").isEqualTo(invited.organizationId());
        var members = admin.get("/api/organizations/" + admin.organizationId() + "/members").json();
        assertThat(members.size()).isEqualTo(2);
    }

    @Test
    void badInvitationsAre400AndCreateNothing() {
        var admin = new TestUsers(new Http(port), jdbc).orgAdmin();
        String path = "/api/organizations/" + admin.organizationId() + "/invitations";
        assertThat(admin.postJson(path, "{\"email\":\"x@example.org\",\"role\":\"platform_admin\"}").status())
                .isEqualTo(400);
        assertThat(admin.postJson(path, "{\"email\":\"not an email\",\"role\":\"learner\"}").status())
                .isEqualTo(400);
        assertThat(admin.postJson(path, "{\"email\":\"'; delete from invitations; --\",\"role\":\"learner\"}")
                .status()).isEqualTo(400);
        assertThat(admin.get("/api/organizations/" + admin.organizationId() + "/audit").body())
                .doesNotContain("invitation.created");
    }
}
