package io.agentcoach.practice;

import io.agentcoach.testing.IntegrationTest;
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
        PracticeIntegrationTests.assertRunAndSubmitRefused(port, jdbc);
    }
}
