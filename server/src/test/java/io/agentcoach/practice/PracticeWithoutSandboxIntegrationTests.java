package io.agentcoach.practice;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** With no usable sandbox, runs and submissions are refused with 503 and nothing is queued. */
@IntegrationTest(properties = {
    "agentcoach.practice.exercises-dir=${agentcoach.repo-root}/server/src/test/resources/practice/exercises",
    "agentcoach.sandbox.bubblewrap=/nonexistent/bwrap", "spring.datasource.hikari.maximum-pool-size=2"})
@Import(PracticeIntegrationTests.FixedUsers.class)
@DirtiesContext
class PracticeWithoutSandboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAndSubmissionsAre503ProblemsAndNothingIsQueued() {
        Http http = new Http(port);
        String attempt = http.postJson("/api/practice/exercises/add-numbers/attempts", "{}").json().get("id").asString();

        Http.Response run = http.postJson("/api/practice/attempts/" + attempt + "/runs", "{\"code\": \"x = 1\"}");
        Http.Response submit = http.send(http.request("/api/practice/attempts/" + attempt + "/submissions")
                .header("Content-Type", "application/json").header("Idempotency-Key", "k")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\": \"x = 1\"}")).build());

        assertThat(run.status()).isEqualTo(503);
        assertThat(submit.status()).isEqualTo(503);
        assertThat(submit.isProblem()).isTrue();
        assertThat(submit.json().get("type").asString()).isEqualTo("/problems/unavailable");
        assertThat(jdbc.sql("select count(*) from practice_submissions").query(Integer.class).single()).isZero();
    }
}
