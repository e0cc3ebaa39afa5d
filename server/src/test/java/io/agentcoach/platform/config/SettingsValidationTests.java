package io.agentcoach.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.agentcoach.AgentCoachApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong setting stops start-up with one line naming the setting and what is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTests {

    @TempDir
    Path dataDir;

    private void start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--agentcoach.data-dir=" + dataDir;
        System.arraycopy(args, 0, all, 2, args.length);
        new SpringApplicationBuilder(AgentCoachApplication.class).run(all).close();
    }

    @Test
    void outOfRangeBodyLimitNamesTheSettingAndItsVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start("--agentcoach.http.max-body-size=10B")).isInstanceOf(Exception.class);
        assertThat(output).contains("Invalid setting agentcoach.http.max-body-size "
                + "(environment variable AGENTCOACH_HTTP_MAX_BODY_SIZE) = '10B': must be between 1KB and 1GB");
    }

    @Test
    void unparseableBodyLimitNamesTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--agentcoach.http.max-body-size=lots")).isInstanceOf(Exception.class);
        assertThat(output).contains("Invalid setting agentcoach.http.max-body-size");
        assertThat(output).contains("lots");
    }

    @Test
    void unknownLogFormatIsRefused() {
        assertThatThrownBy(() -> start("--agentcoach.log-format=xml"))
                .hasMessageContaining("Invalid setting agentcoach.log-format (environment variable AGENTCOACH_LOG_FORMAT)"
                        + " = 'xml': must be text or json");
    }
}
