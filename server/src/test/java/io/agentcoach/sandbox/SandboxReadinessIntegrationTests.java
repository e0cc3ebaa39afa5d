package io.agentcoach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.ErrorResponseException;

/** The server with and without a working sandbox (small pools, closed afterwards: PostgreSQL is shared). */
class SandboxReadinessIntegrationTests {

    @Nested
    @IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=2")
    @DirtiesContext
    class WithBubblewrap {

        @LocalServerPort
        int port;

        @Autowired
        CodeRunner runner;

        @Test
        void isReadyAndRunsCode() {
            // the node is ready once the search index has warmed up too
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertThat(new Http(port).get("/actuator/health/readiness").status()).isEqualTo(200));
            RunResult result = runner.run(new RunRequest("python3", Map.of("main.py", "print('hi')"), "main.py",
                    List.of(), "", runner.defaultLimits()));
            assertThat(result.stdout().text()).isEqualTo("hi\n");
        }
    }

    @Nested
    @IntegrationTest(properties = {"agentcoach.sandbox.bubblewrap=/nonexistent/bwrap",
        "spring.datasource.hikari.maximum-pool-size=2"})
    @DirtiesContext
    class WithoutBubblewrap {

        @LocalServerPort
        int port;

        @Autowired
        CodeRunner runner;

        @Test
        void startsButIsNotReadyAndRefusesRunsWith503() {
            assertThat(new Http(port).get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(new Http(port).get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(runner.unavailableReason()).contains("bubblewrap is not installed at /nonexistent/bwrap");
            ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                    () -> runner.run(new RunRequest("python3", Map.of("main.py", "print(1)"), "main.py", List.of(), "",
                            runner.defaultLimits())));
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getBody().getType().toString()).isEqualTo("/problems/unavailable");
        }
    }
}
