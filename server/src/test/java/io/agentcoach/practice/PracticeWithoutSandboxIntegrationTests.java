package io.agentcoach.practice;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.testing.Http;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** With no usable sandbox, runs and submissions are refused with 503 and nothing is queued. */
@IntegrationTest(properties = {"agentcoach.sandbox.bubblewrap=/nonexistent/bwrap", "spring.datasource.hikari.maximum-pool-size=2"})
@DirtiesContext
class PracticeWithoutSandboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAndSubmissionsAre503ProblemsAndNothingIsQueued() {
        TestUsers.SignedIn learner = new TestUsers(new Http(port), jdbc).learner();
        String attempt = PracticeIntegrationTests.startAttempt(learner, "add-numbers");

        Http.Response run = learner.postJson("/api/practice/attempts/" + attempt + "/runs", "{\"code\": \"x = 1\"}");
        Http.Response submit = PracticeIntegrationTests.submit(learner, attempt, "k", "x = 1");

        assertThat(run.status()).isEqualTo(503);
        assertThat(submit.status()).isEqualTo(503);
        assertThat(submit.isProblem()).isTrue();
        assertThat(submit.json().get("type").asString()).isEqualTo("/problems/unavailable");
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from practice_submissions")
                .query(Integer.class).single())).isZero();
    }
}
