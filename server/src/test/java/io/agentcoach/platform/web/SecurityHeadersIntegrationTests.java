package io.agentcoach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web app's shell, its deep links, the API and the sign-in pages all leave with the security
 * headers of {@code SecurityHeaders}, over real HTTP. Whether the built app works under the policy
 * is what the browser end-to-end tests (web/e2e) check.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAppShellAndItsDeepLinksCarryThePolicy() {
        Http http = new Http(port);
        for (String path : new String[] {"/", "/lessons/agent-loop", "/account/security"}) {
            Http.Response page = http.send(http.request(path).header("Accept", "text/html").GET().build());
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertSecurityHeaders(page, POLICY);
        }
    }

    @Test
    void apiAnswersCarryThemToo() {
        var person = new TestUsers(new Http(port), jdbc).learner();
        Http.Response me = person.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertSecurityHeaders(me, POLICY);

        Http.Response refused = new Http(port).get("/api/me");
        assertThat(refused.status()).isEqualTo(401);
        assertSecurityHeaders(refused, POLICY);
    }

    @Test
    void theSignInPageMayPostOnToTheClientsRedirectOrigins() {
        Http http = new Http(port);
        Http.Response login = http.send(http.request("/oauth2/login").header("Accept", "text/html").GET().build());
        assertThat(login.status()).isEqualTo(200);
        // the defaults: the web app on localhost:8080, the CLI on any loopback port
        assertSecurityHeaders(login, POLICY.replace("form-action 'self'",
                "form-action 'self' http://localhost:8080 http://127.0.0.1:*"));
    }

    @Test
    void theApiDescriptionAndSwaggerUiCarryThePolicy() {
        Http http = new Http(port);
        assertSecurityHeaders(http.get("/v3/api-docs"), POLICY);
        Http.Response ui = http.send(http.request("/swagger-ui/index.html").header("Accept", "text/html").GET().build());
        assertThat(ui.status()).isEqualTo(200);
        assertSecurityHeaders(ui, POLICY);
    }

    private static void assertSecurityHeaders(Http.Response response, String policy) {
        assertThat(response.header("Content-Security-Policy")).isEqualTo(policy);
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Permissions-Policy")).startsWith("accelerometer=()").contains("camera=()",
                "microphone=()", "geolocation=()");
    }
}
