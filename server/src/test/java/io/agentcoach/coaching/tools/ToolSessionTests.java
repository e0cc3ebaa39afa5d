package io.agentcoach.coaching.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.agentcoach.coaching.CoachToolCall;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.guardrails.GuardContext;
import io.agentcoach.platform.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds of one answer's tool calls: count, time per call, and the tenant each call runs in. */
class ToolSessionTests {

    final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    final UUID organization = UUID.randomUUID();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    ToolSession session(int maxCalls, Duration callTimeout) {
        return new ToolSession(organization, UUID.randomUUID(), "add-numbers",
                new GuardContext(GuardContext.Source.RETRIEVED_DOCUMENT, false, false, null, false, "", null),
                new ArrayList<>(), new CoachingSettings.Tools(maxCalls, callTimeout, Duration.ofMinutes(1)), threads);
    }

    @Test
    void callsPastTheMaximumAreRefusedAndLogged() {
        ToolSession tools = session(2, Duration.ofSeconds(30));

        assertThat(tools.invoke("a", "{}", () -> "one")).isEqualTo("one");
        assertThat(tools.invoke("b", "{}", () -> "two")).isEqualTo("two");
        assertThat(tools.exhausted()).isTrue();
        assertThat(tools.invoke("c", "{}", () -> "never run")).startsWith("Tool budget for this answer used up");

        assertThat(tools.calls()).extracting(CoachToolCall::tool, CoachToolCall::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "ok"),
                        org.assertj.core.groups.Tuple.tuple("b", "ok"),
                        org.assertj.core.groups.Tuple.tuple("c", "refused"));
    }

    @Test
    void aCallThatOutlivesItsTimeoutIsAbandonedAndTheAnswerGoesOn() {
        ToolSession tools = session(5, Duration.ofMillis(100));

        String told = tools.invoke("slow", "{}", () -> {
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return "too late";
        });

        assertThat(told).isEqualTo("The tool slow did not finish in time; answer without it.");
        assertThat(tools.calls()).singleElement().extracting(CoachToolCall::outcome).isEqualTo("timeout");
        assertThat(tools.invoke("fast", "{}", () -> "fine")).isEqualTo("fine");
    }

    @Test
    void aFailingToolIsReportedToTheModelNotThrown() {
        ToolSession tools = session(5, Duration.ofSeconds(30));

        String told = tools.invoke("broken", "{\"x\":1}", () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(told).isEqualTo("The tool broken failed: IllegalStateException");
        assertThat(tools.calls()).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo("error");
            assertThat(call.arguments()).isEqualTo("{\"x\":1}");
        });
    }

    @Test
    void eachCallRunsBoundToTheLearnersOrganization() {
        ToolSession tools = session(5, Duration.ofSeconds(30));

        String seen = tools.invoke("tenant", "{}", () -> Tenants.current().map(UUID::toString).orElse("none"));

        assertThat(seen).isEqualTo(organization.toString());
    }
}
