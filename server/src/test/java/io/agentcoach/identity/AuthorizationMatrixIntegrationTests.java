package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint of the identity module, called by each kind of caller, with the status each must
 * get. A request for another organization's things answers 404, never 403, so it reveals nothing.
 * An org admin whose sign-in was not verified by a second factor gets 403 mfa-required for every
 * admin action, in any module.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Call(String method, String path, String body) {
    }

    @Test
    void eachCallerGetsExactlyTheExpectedStatus() {
        Http http = new Http(port);
        TestUsers users = new TestUsers(http, jdbc);
        TestUsers.SignedIn adminA = users.orgAdmin();
        UUID a = adminA.organizationId();
        TestUsers.SignedIn learner = users.member(a, Role.LEARNER);
        TestUsers.SignedIn instructor = users.member(a, Role.INSTRUCTOR);
        TestUsers.SignedIn adminB = users.orgAdmin();
        TestUsers.SignedIn platformAdmin = users.platformAdmin();
        // an org admin of A whose sign-in was not verified by a second factor
        TestUsers.SignedIn unverifiedAdmin = users.member(a, Role.ORG_ADMIN);
        UUID target = users.member(a, Role.LEARNER).userId();

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("learner", learner.token());
        callers.put("instructor", instructor.token());
        callers.put("org_admin", adminA.token());
        callers.put("other_org_admin", adminB.token());
        callers.put("platform_admin", platformAdmin.token());
        callers.put("org_admin_without_mfa", unverifiedAdmin.token());

        Map<Call, int[]> expected = new LinkedHashMap<>();
        //                                                          anon learner instr admin otherAdmin platform noMfa
        expected.put(new Call("GET", "/api/me", null), new int[] {401, 200, 200, 200, 200, 200, 200});
        expected.put(new Call("GET", "/api/organizations/" + a, null), new int[] {401, 200, 200, 200, 404, 200, 200});
        expected.put(new Call("GET", "/api/organizations/" + UUID.randomUUID(), null),
                new int[] {401, 404, 404, 404, 404, 404, 404});
        expected.put(new Call("GET", "/api/organizations/" + a + "/members", null),
                new int[] {401, 403, 403, 200, 404, 200, 403});
        expected.put(new Call("PATCH", "/api/organizations/" + a + "/members/" + target, "{\"role\":\"instructor\"}"),
                new int[] {401, 403, 403, 200, 404, 200, 403});
        expected.put(new Call("PATCH", "/api/organizations/" + a + "/members/" + UUID.randomUUID(),
                "{\"role\":\"instructor\"}"), new int[] {401, 403, 403, 404, 404, 404, 403});
        expected.put(new Call("GET", "/api/api-keys", null), new int[] {401, 200, 200, 200, 200, 200, 200});
        expected.put(new Call("POST", "/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"profile\"]}"),
                new int[] {401, 201, 201, 201, 201, 201, 201});
        expected.put(new Call("POST", "/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"org:admin\"]}"),
                new int[] {401, 403, 403, 201, 201, 201, 403});
        expected.put(new Call("DELETE", "/api/api-keys/" + UUID.randomUUID(), null),
                new int[] {401, 404, 404, 404, 404, 404, 404});
        expected.put(new Call("GET", "/api/organizations/" + a + "/audit", null),
                new int[] {401, 403, 403, 200, 404, 200, 403});
        expected.put(new Call("POST", "/api/organizations/" + a + "/invitations",
                "{\"email\":\"invitee@example.org\",\"role\":\"learner\"}"),
                new int[] {401, 403, 403, 201, 404, 201, 403});
        expected.put(new Call("POST", "/api/invitations/accept", "{\"token\":\"inv_unknown\"}"),
                new int[] {401, 404, 404, 404, 404, 404, 404});
        expected.put(new Call("GET", "/api/audit/verify", null), new int[] {401, 403, 403, 403, 403, 200, 403});
        expected.put(new Call("GET", "/actuator/metrics", null), new int[] {401, 403, 403, 403, 403, 200, 403});
        expected.put(new Call("GET", "/actuator/health", null), new int[] {200, 200, 200, 200, 200, 200, 200});
        // second factor: enrol (restarting is fine for a verified sign-in), confirm, renew, disable
        expected.put(new Call("POST", "/api/me/mfa/totp", ""), new int[] {401, 201, 201, 201, 201, 201, 201});
        expected.put(new Call("POST", "/api/me/mfa/totp/confirm", "{\"code\":\"abcdef\"}"),
                new int[] {401, 400, 400, 400, 400, 400, 400});
        expected.put(new Call("POST", "/api/me/mfa/recovery-codes", "{\"code\":\"abcdef\"}"),
                new int[] {401, 409, 409, 400, 400, 400, 409});
        expected.put(new Call("DELETE", "/api/me/mfa", "{\"code\":\"abcdef\"}"),
                new int[] {401, 409, 409, 409, 409, 409, 409});
        // password reset: open to all, never telling who has an account
        expected.put(new Call("POST", "/api/auth/password-reset", "{\"email\":\"nobody@example.org\"}"),
                new int[] {202, 202, 202, 202, 202, 202, 202});
        expected.put(new Call("POST", "/api/auth/password-reset/confirm",
                "{\"token\":\"rst_unknown\",\"newPassword\":\"long enough password\"}"),
                new int[] {400, 400, 400, 400, 400, 400, 400});
        // service clients
        expected.put(new Call("POST", "/api/organizations/" + a + "/oauth-clients",
                "{\"name\":\"svc\",\"scopes\":[\"analytics:read\"]}"), new int[] {401, 403, 403, 201, 404, 201, 403});
        expected.put(new Call("GET", "/api/organizations/" + a + "/oauth-clients", null),
                new int[] {401, 403, 403, 200, 404, 200, 403});
        expected.put(new Call("DELETE", "/api/organizations/" + a + "/oauth-clients/" + UUID.randomUUID(), null),
                new int[] {401, 403, 403, 404, 404, 404, 403});
        // other modules' admin actions need the second factor too (one rule, in CurrentUser)
        expected.put(new Call("GET", "/api/coaching/organization-policy", null),
                new int[] {401, 403, 403, 200, 200, 200, 403});
        // stopping a coach answer: only in one's own session
        expected.put(new Call("DELETE", "/api/coaching/sessions/" + UUID.randomUUID() + "/answer", null),
                new int[] {401, 404, 404, 404, 404, 404, 404});
        expected.put(new Call("GET", "/api/mastery/organization/at-risk", null),
                new int[] {401, 403, 200, 200, 200, 200, 403});
        expected.put(new Call("DELETE", "/api/knowledge/documents/" + UUID.randomUUID(), null),
                new int[] {401, 403, 404, 404, 404, 404, 403});
        expected.put(new Call("DELETE", "/api/content/organization/exercises/no-such-exercise", null),
                new int[] {401, 403, 404, 404, 404, 404, 403});
        expected.put(new Call("GET", "/api/me/export", null), new int[] {401, 200, 200, 200, 200, 200, 200});
        expected.put(new Call("GET", "/api/me/consents", null), new int[] {401, 200, 200, 200, 200, 200, 200});
        expected.put(new Call("PUT", "/api/me/consents",
                "{\"purpose\":\"external-model-processing\",\"granted\":false}"),
                new int[] {401, 200, 200, 200, 200, 200, 200});
        // deleting an account needs the password again; a wrong one is refused for everyone
        expected.put(new Call("DELETE", "/api/me", "{\"password\":\"not the password\"}"),
                new int[] {401, 403, 403, 403, 403, 403, 403});
        // so does changing it
        expected.put(new Call("POST", "/api/me/password",
                "{\"currentPassword\":\"not the password\",\"newPassword\":\"a brand new passphrase\"}"),
                new int[] {401, 403, 403, 403, 403, 403, 403});

        List<String> mismatches = new ArrayList<>();
        expected.forEach((call, statuses) -> {
            int i = 0;
            for (var caller : callers.entrySet()) {
                Http.Response r = http.send(request(http, call, caller.getValue()));
                if (r.status() != statuses[i]) {
                    mismatches.add(caller.getKey() + " " + call.method() + " " + call.path() + ": expected "
                            + statuses[i] + ", got " + r.status() + " " + r.body());
                }
                if (r.status() >= 400) {
                    assertThat(r.isProblem()).as(call + " as " + caller.getKey()).isTrue();
                }
                // verifying the whole chain and the metrics are platform admin's; deleting one's own
                // account or changing one's password is no admin action (a wrong password is its own 403)
                boolean adminAction = !call.path().equals("/api/audit/verify") && !call.path().equals("/actuator/metrics")
                        && !call.path().equals("/api/me") && !call.path().equals("/api/me/password");
                if (caller.getKey().equals("org_admin_without_mfa") && r.status() == 403 && adminAction) {
                    assertThat(r.json().get("type").asString()).as(call.toString()).isEqualTo("/problems/mfa-required");
                }
                i++;
            }
        });
        assertThat(mismatches).isEmpty();
    }

    private static HttpRequest request(Http http, Call call, String token) {
        HttpRequest.Builder b = http.request(call.path()).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        if (call.body() != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(call.method(), body).build();
    }
}
