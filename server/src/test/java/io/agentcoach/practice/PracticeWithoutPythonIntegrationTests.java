package io.agentcoach.practice;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The exercises' language is not installed (Python 3 is the only runtime, and the node has none):
 * runs and submissions are refused with a problem that names the missing interpreter, readiness says
 * why, and nothing is queued.
 */
@IntegrationTest(properties = {"agentcoach.sandbox.python=/nonexistent/python3", "spring.datasource.hikari.maximum-pool-size=2"})
@DirtiesContext
class PracticeWithoutPythonIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CodeRunner runner;

    @Test
    void submissionsAreRefusedWithTheReasonAndNothingIsQueued() {
        Http.Response submit = PracticeIntegrationTests.assertRunAndSubmitRefused(port, jdbc);

        assertThat(submit.json().get("detail").asString()).contains("Code cannot be run");
        assertThat(runner.unavailableReason()).contains("Python 3 is not installed at /nonexistent/python3");
        assertThat(new Http(port).get("/actuator/health/readiness").status()).isEqualTo(503);
    }
}
