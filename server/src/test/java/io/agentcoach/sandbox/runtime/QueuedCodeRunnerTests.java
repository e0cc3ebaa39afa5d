package io.agentcoach.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

@Tag("sandbox")
class QueuedCodeRunnerTests {

    private static RunRequest python(String code) {
        return new RunRequest("python3", Map.of("main.py", code), "main.py", List.of(), "", SandboxFixtures.TEST_LIMITS);
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        SandboxSettings defaults = SandboxFixtures.defaultSettings();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        QueuedCodeRunner runner = new QueuedCodeRunner(new SandboxSettings(defaults.bubblewrap(), defaults.python(),
                defaults.cgroupRoot(), defaults.limits(), 1, 1, 0), meters);
        RunRequest slow = python("import time\ntime.sleep(1)\nprint('slow')\n");
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        Future<RunResult> running = callers.submit(() -> runner.run(slow));
        await().until(() -> meters.get("agentcoach.sandbox.runs.active").gauge().value() == 1.0);
        Future<RunResult> queued = callers.submit(() -> runner.run(python("print('queued')")));
        await().until(() -> meters.get("agentcoach.sandbox.queue.depth").gauge().value() == 1.0);

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> runner.run(python("print('refused')")));

        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getBody().getType().toString()).isEqualTo("/problems/sandbox-busy");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(running.get().stdout().text()).isEqualTo("slow\n");
        assertThat(queued.get().stdout().text()).isEqualTo("queued\n");
        assertThat(meters.get("agentcoach.sandbox.runs.rejected").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("agentcoach.sandbox.run.duration").tag("status", "ok").timer().count()).isEqualTo(2);
    }

    @Test
    void aLanguageThatIsNotInstalledIsABadRequest() {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> SandboxFixtures.sandbox().run(new RunRequest("cobol", Map.of("main.cob", "x"), "main.cob",
                        List.of(), "", SandboxFixtures.TEST_LIMITS)));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
    }
}
