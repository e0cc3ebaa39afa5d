package io.agentcoach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every kind of bad request gets a 4xx RFC 9457 problem with a stable type, never a 500, an HTML
 * page or a stack trace. Sent over real HTTP to a server on a random port, by a signed-in user
 * (the API needs credentials; what happens without them is checked by identity's tests).
 */
@IntegrationTest(properties = "agentcoach.http.max-body-size=4KB")
@Import(ErrorResponsesIntegrationTests.Echo.class)
class ErrorResponsesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port).withBearer(new TestUsers(new Http(port), jdbc).orgAdmin().token());
    }

    @Test
    void malformedJsonIsA400Problem() {
        var r = http.postJson("/api/test/echo", "{\"name\": ");
        assertProblem(r, 400, "/problems/malformed-request");
    }

    @Test
    void jsonOfTheWrongShapeIsA400Problem() {
        var r = http.postJson("/api/test/echo", "[1,2,3]");
        assertProblem(r, 400, "/problems/malformed-request");
    }

    @Test
    void validationErrorsNameTheOffendingFields() {
        var r = http.postJson("/api/test/echo", "{\"name\":\"\",\"email\":\"not-an-email\",\"level\":7}");
        assertProblem(r, 400, "/problems/validation-failed");
        var fields = r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactly("email", "level", "name");
        assertThat(r.json().get("detail").asString()).contains("email", "level", "name");
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        var r = http.send(http.request("/api/test/echo").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertProblem(r, 415, "/problems/unsupported-media-type");
    }

    @Test
    void declaredOversizedBodyIsA413ProblemBeforeAnythingIsRead() {
        String big = "{\"name\":\"" + "x".repeat(8 * 1024) + "\",\"email\":\"a@b.io\",\"level\":1}";
        var r = http.postJson("/api/test/echo", big);
        assertProblem(r, 413, "/problems/payload-too-large");
        assertThat(r.json().get("maxBytes").asLong()).isEqualTo(4096);
    }

    @Test
    void chunkedOversizedBodyIsA413Problem() {
        byte[] big = ("{\"name\":\"" + "x".repeat(8 * 1024) + "\",\"email\":\"a@b.io\",\"level\":1}")
                .getBytes(StandardCharsets.UTF_8);
        var r = http.send(http.request("/api/test/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertProblem(r, 413, "/problems/payload-too-large");
    }

    @Test
    void unknownApiRouteIsA404Problem() {
        var r = http.get("/api/no/such/thing");
        assertProblem(r, 404, "/problems/not-found");
    }

    @Test
    void unknownRouteForAnApiClientIsA404ProblemNotTheAppShell() {
        var r = http.get("/definitely-not-a-page");
        assertProblem(r, 404, "/problems/not-found");
    }

    @Test
    void wrongMethodIsA405Problem() {
        var r = http.send(http.request("/api/test/echo").header("Accept", "application/json")
                .DELETE().build());
        assertProblem(r, 405, "/problems/method-not-allowed");
        assertThat(r.header("Allow")).contains("POST");
    }

    @Test
    void wrongMethodOnTheAppShellIsA405Problem() {
        var r = http.send(http.request("/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.status()).isIn(404, 405);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void missingAndMistypedParametersAre400Problems() {
        assertProblem(http.get("/api/test/square"), 400, "/problems/missing-parameter");
        assertProblem(http.get("/api/test/square?n=seven"), 400, "/problems/invalid-parameter");
    }

    @Test
    void unexpectedFailureIsA500ProblemThatRevealsNothing() {
        var r = http.get("/api/test/boom");
        assertProblem(r, 500, "/problems/internal-error");
        assertThat(r.body()).doesNotContain("IllegalStateException", "secret-internal-detail", "at io.agentcoach");
    }

    @Test
    void containerLevelRejectionIsAProblemToo() {
        // an encoded NUL in the path is refused by the servlet container/firewall before MVC
        var r = http.get("/api/test/%00");
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).doesNotContain("<html");
    }

    private static void assertProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as("content type %s", r.contentType()).isTrue();
        assertThat(r.json().get("type").asString()).isEqualTo(type);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("title").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("<html", "Exception:", "trace");
    }

    record Greeting(@NotBlank String name, @NotBlank @Email String email, @Min(1) @Max(5) int level) {
    }

    @TestConfiguration
    @RestController
    static class Echo {
        @PostMapping("/api/test/echo")
        Greeting echo(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/api/test/square")
        int square(@RequestParam int n) {
            return n * n;
        }

        @GetMapping("/api/test/boom")
        String boom() {
            throw new IllegalStateException("secret-internal-detail");
        }
    }
}
