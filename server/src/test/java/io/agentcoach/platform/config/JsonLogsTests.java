package io.agentcoach.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.agentcoach.AgentCoachApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** AGENTCOACH_LOG_FORMAT=json writes one JSON object per log line. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTests {

    @TempDir
    Path dataDir;

    @Test
    void jsonFormatWritesStructuredLines(CapturedOutput output) {
        new SpringApplicationBuilder(AgentCoachApplication.class).run("--server.port=0",
                "--agentcoach.data-dir=" + dataDir, "--agentcoach.log-format=json",
                "--agentcoach.content.dir=src/test/resources/content-fixture").close();
        String readyLine = output.getOut().lines().filter(l -> l.contains("AgentCoach ready in")).findFirst()
                .orElseThrow();
        var json = JsonMapper.builder().build().readTree(readyLine);
        assertThat(json.get("message").asString()).startsWith("AgentCoach ready in");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.has("@timestamp")).isTrue();
    }
}
