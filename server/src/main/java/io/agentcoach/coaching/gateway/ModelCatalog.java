package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CoachingSettings.Price;
import io.agentcoach.coaching.CoachingSettings.Provider;
import io.agentcoach.coaching.gateway.ModelOption.Tier;

/**
 * The models offered, built once from the settings: a provider without a key (Ollama: without a
 * base URL) is left out. Each client has the settings' timeout and a client that records
 * {@code Retry-After}.
 */
final class ModelCatalog {

    private static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO);

    private final List<ModelOption> options;

    ModelCatalog(CoachingSettings settings, Clock clock) {
        List<ModelOption> built = new ArrayList<>();
        Map<String, Price> prices = settings.priceTable();
        var timeout = settings.resilience().timeout();
        if (!settings.openai().apiKey().isBlank()) {
            add(built, "openai", settings.openai(), prices, clock, (model, tracker) -> {
                var builder = OpenAiStreamingChatModel.builder().apiKey(settings.openai().apiKey()).modelName(model)
                        .timeout(timeout).httpClientBuilder(httpClient(tracker));
                if (!settings.openai().baseUrl().isBlank()) {
                    builder.baseUrl(settings.openai().baseUrl());
                }
                return builder.build();
            });
        }
        if (!settings.anthropic().apiKey().isBlank()) {
            add(built, "anthropic", settings.anthropic(), prices, clock, (model, tracker) -> {
                var builder = AnthropicStreamingChatModel.builder().apiKey(settings.anthropic().apiKey())
                        .modelName(model).maxTokens(2048).timeout(timeout).httpClientBuilder(httpClient(tracker));
                if (!settings.anthropic().baseUrl().isBlank()) {
                    builder.baseUrl(settings.anthropic().baseUrl());
                }
                return builder.build();
            });
        }
        if (!settings.ollama().baseUrl().isBlank()) {
            add(built, "ollama", settings.ollama(), prices, clock, (model, tracker) -> OllamaStreamingChatModel
                    .builder().baseUrl(settings.ollama().baseUrl()).modelName(model).timeout(timeout)
                    .httpClientBuilder(httpClient(tracker)).build());
        }
        this.options = List.copyOf(built);
    }

    List<ModelOption> available() {
        return options;
    }

    ModelOption byId(String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + id));
    }

    private static void add(List<ModelOption> into, String provider, Provider settings, Map<String, Price> prices,
            Clock clock, BiFunction<String, RetryAfterTracker, StreamingChatModel> client) {
        RetryAfterTracker tracker = new RetryAfterTracker(clock);
        if (!settings.smallModel().isBlank()) {
            into.add(new ModelOption(provider + ":" + settings.smallModel(), provider, Tier.SMALL,
                    prices.getOrDefault(settings.smallModel(), FREE), client.apply(settings.smallModel(), tracker),
                    tracker));
        }
        if (!settings.largeModel().isBlank() && !settings.largeModel().equals(settings.smallModel())) {
            into.add(new ModelOption(provider + ":" + settings.largeModel(), provider, Tier.LARGE,
                    prices.getOrDefault(settings.largeModel(), FREE), client.apply(settings.largeModel(), tracker),
                    tracker));
        }
    }

    private static JdkHttpClientBuilder httpClient(RetryAfterTracker tracker) {
        return new JdkHttpClientBuilder().httpClientBuilder(HeaderRecordingHttpClient.builder(tracker));
    }
}
