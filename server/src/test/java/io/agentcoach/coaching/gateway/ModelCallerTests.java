package io.agentcoach.coaching.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CoachingSettings.Budgets;
import io.agentcoach.coaching.CoachingSettings.Provider;
import io.agentcoach.coaching.CoachingSettings.Resilience;
import io.agentcoach.coaching.ProviderStub;
import io.agentcoach.coaching.gateway.ModelCaller.ModelCallFailed;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One model's calls through the real OpenAI client against a local OpenAI-protocol server. */
class ModelCallerTests {

    final ProviderStub stub = new ProviderStub();
    final Resilience resilience = new Resilience(Duration.ofSeconds(10), Duration.ofSeconds(5), 2,
            Duration.ofMillis(10), Duration.ofSeconds(1), 50, 4, Duration.ofMinutes(1));
    final CoachingSettings settings = new CoachingSettings(
            new Provider("key", stub.baseUrl() + "/v1", "gpt-4o-mini", ""), new Provider("", "", "", ""),
            new Provider("", "", "", ""), resilience, "gpt-4o-mini=0.15/0.60",
            new Budgets(BigDecimal.TEN, BigDecimal.ONE, true), 30,
            new CoachingSettings.Tools(6, Duration.ofSeconds(15), Duration.ofSeconds(40)),
            new CoachingSettings.Context(4000, 25, "", 8192));
    final ModelOption model = new ModelCatalog(settings, Clock.systemUTC()).byId("openai:gpt-4o-mini");
    final ModelCaller caller = new ModelCaller(resilience);
    final ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi")).build();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndThenTheModelIsSkippedWithoutACall() {
        for (int i = 0; i < 4; i++) {
            stub.enqueue(ProviderStub.OPENAI_PATH, ProviderStub.error(500, "down"));
        }
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> caller.call(model, request, token -> { }))
                    .isInstanceOf(ModelCallFailed.class).hasMessage("HTTP 500");
        }
        assertThat(caller.breakerState(model.id())).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> caller.call(model, request, token -> { }))
                .isInstanceOf(ModelCallFailed.class).hasMessage("circuit breaker open");
        assertThat(stub.received()).hasSize(4);
    }

    @Test
    void aClientErrorIsNotRetried() {
        stub.enqueue(ProviderStub.OPENAI_PATH, ProviderStub.error(401, "bad key"));

        assertThatThrownBy(() -> caller.call(model, request, token -> { })).hasMessage("HTTP 401");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aStreamThatBreaksAfterTokensIsNotRetriedSoTheLearnerNeverSeesTextTwice() {
        var broken = ProviderStub.openAiStream(List.of("Half ", "an "), 1, 1);
        // the body ends after two tokens, without finish_reason, usage or [DONE]: then the connection drops
        stub.enqueue(ProviderStub.OPENAI_PATH, new ProviderStub.Reply(200, broken.headers(),
                List.of(broken.parts().get(0), broken.parts().get(1), broken.parts().get(2), "data: {not json\n\n"),
                Duration.ZERO));
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> caller.call(model, request, tokens::add))
                .isInstanceOfSatisfying(ModelCallFailed.class, failed -> assertThat(failed.streamed).isTrue());
        assertThat(tokens).containsExactly("Half ", "an ");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonouredToo() {
        var tracker = new RetryAfterTracker(Clock.systemUTC());
        tracker.record(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertThat(tracker.remaining()).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
        tracker.record("not a date");
        assertThat(tracker.remaining()).isGreaterThan(Duration.ofSeconds(27));
    }
}
