package io.agentcoach.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.agentcoach.AgentCoachApplication;
import io.agentcoach.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the quickstart honest: the whole application boots on the embedded defaults (an H2 file
 * database under the data directory, no configuration), migrates, and reports ready.
 */
class QuickstartSmokeTests {

    @TempDir
    Path dataDir;

    @Test
    void bootsOnTheEmbeddedDefaultsAndIsReady() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AgentCoachApplication.class)
                .run("--server.port=0", "--agentcoach.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Http http = new Http(port);

            // readiness waits for background work such as the knowledge index catching up
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP"));
            assertThat(Files.isDirectory(dataDir.resolve("index"))).isTrue();
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
            assertThat(Files.exists(dataDir.resolve("db/agentcoach.mv.db"))).isTrue();

            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from organizations").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from user_skills").query(Long.class).single()).isZero();
            assertThat(http.send(http.request("/").header("Accept", "text/html").GET().build()).body())
                    .contains("<div id=\"root\">");
        }
    }
}
