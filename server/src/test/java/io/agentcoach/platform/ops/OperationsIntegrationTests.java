package io.agentcoach.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator and a load balancer rely on, checked over real HTTP against PostgreSQL. */
@IntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        // readiness waits for background work such as the knowledge index catching up
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            var readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    void prometheusExposesPerRouteLatencyHistograms() {
        http.get("/v3/api-docs");
        http.get("/api/unknown-route-for-metrics");
        var r = http.send(http.request("/actuator/prometheus").GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("http_server_requests_seconds_bucket")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/v3/api-docs\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/v3/api-docs\",le=\"0.1\"")
                .contains("agentcoach_startup_ready_seconds");
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        var docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("AgentCoach API");
        var ui = http.send(http.request("/swagger-ui/index.html").GET().build());
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void infoReportsVersionAndBuild() {
        var info = http.get("/actuator/info").json();
        assertThat(info.get("build").get("version").asString()).isNotBlank();
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("agentcoach-server");
        assertThat(info.get("java").get("version").asString()).startsWith("25");
    }

    @Test
    void webAppShellIsServedAtTheRoot() {
        var r = http.send(http.request("/").header("Accept", "text/html").GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("<div id=\"root\">").contains("AgentCoach");
    }

    @Test
    void deepLinksToClientRoutesServeTheAppShell() {
        var r = http.send(http.request("/login").header("Accept", "text/html,application/xhtml+xml").GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<div id=\"root\">");
    }

    @Test
    void missingStaticAssetIsA404NotTheAppShell() {
        var r = http.send(http.request("/assets/missing-file.js").header("Accept", "text/html").GET().build());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
    }
}
