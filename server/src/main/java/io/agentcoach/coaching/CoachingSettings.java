package io.agentcoach.coaching;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the coach and its model gateway ({@code agentcoach.coaching.*}, for example
 * {@code AGENTCOACH_COACHING_OPENAI_API_KEY}). A provider without a key (Ollama: without a base
 * URL) is not offered; with none configured every answer comes from the offline coach.
 *
 * @param openai OpenAI or any OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio, gateways)
 * @param anthropic Anthropic's messages API
 * @param ollama a local or remote Ollama server
 * @param resilience timeouts, retries and circuit breaking applied to every provider call
 * @param prices the price table, {@code model=inputUsdPerMillion/outputUsdPerMillion} pairs separated by commas
 * @param budgets default budgets; an organization may set its own
 * @param messagesPerMinute how many messages one learner may send per minute; more get 429
 * @param tools the bounds on the tools a model calls while answering
 * @param context how much of a conversation is sent with each question
 */
@Validated
@ConfigurationProperties("agentcoach.coaching")
public record CoachingSettings(
        @Valid @NotNull @DefaultValue Provider openai,
        @Valid @NotNull @DefaultValue Provider anthropic,
        @Valid @NotNull @DefaultValue Provider ollama,
        @Valid @NotNull @DefaultValue Resilience resilience,
        @NotNull @DefaultValue("gpt-4o-mini=0.15/0.60,gpt-4o=2.50/10.00,gpt-4.1-mini=0.40/1.60,gpt-4.1=2.00/8.00,"
                + "claude-3-5-haiku-latest=0.80/4.00,claude-sonnet-4-0=3.00/15.00") String prices,
        @Valid @NotNull @DefaultValue Budgets budgets,
        @Min(1) @Max(10_000) @DefaultValue("30") int messagesPerMinute,
        @Valid @NotNull @DefaultValue Tools tools,
        @Valid @NotNull @DefaultValue Context context) {

    public CoachingSettings {
        priceTable(prices);
        context.windowTable();
    }

    /** The price table parsed from {@link #prices()}; models not listed cost nothing (local models). */
    public Map<String, Price> priceTable() {
        return priceTable(prices);
    }

    private static Map<String, Price> priceTable(String prices) {
        Map<String, Price> table = new LinkedHashMap<>();
        for (String entry : prices.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] modelAndPrices = entry.trim().split("=", 2);
            String[] inOut = modelAndPrices.length == 2 ? modelAndPrices[1].split("/", 2) : new String[0];
            if (inOut.length != 2) {
                throw new IllegalArgumentException("agentcoach.coaching.prices: '" + entry.trim()
                        + "' is not model=inputUsdPerMillion/outputUsdPerMillion");
            }
            try {
                table.put(modelAndPrices[0].trim(),
                        new Price(new BigDecimal(inOut[0].trim()), new BigDecimal(inOut[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("agentcoach.coaching.prices: '" + entry.trim()
                        + "' has a price that is not a number");
            }
        }
        return Map.copyOf(table);
    }

    /** USD per million input and output tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    /**
     * @param apiKey the key; blank means the provider is not offered (Ollama needs none)
     * @param baseUrl the endpoint; blank means the provider's public endpoint (Ollama: not offered)
     * @param smallModel the cheap, fast model for simple questions; blank for none
     * @param largeModel the capable model for complex questions; blank for none
     */
    public record Provider(@DefaultValue("") String apiKey, @DefaultValue("") String baseUrl,
            @DefaultValue("") String smallModel, @DefaultValue("") String largeModel) {
    }

    /**
     * @param timeout the longest one provider call may take, first byte to last token
     * @param firstTokenTimeout the longest to wait for the first token before giving up on an attempt
     * @param maxAttempts attempts per model (first call plus retries) on 429, 5xx, timeouts and connection errors
     * @param initialBackoff the wait before the first retry; doubled for each further retry
     * @param maxBackoff the longest wait between attempts, including a provider's Retry-After
     * @param failureRateThreshold percentage of failed calls that opens a model's circuit breaker
     * @param minimumCalls calls a breaker sees before it may open
     * @param openFor how long an open breaker rejects calls before letting a trial call through
     */
    public record Resilience(
            @NotNull @DefaultValue("60s") Duration timeout,
            @NotNull @DefaultValue("15s") Duration firstTokenTimeout,
            @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("250ms") Duration initialBackoff,
            @NotNull @DefaultValue("10s") Duration maxBackoff,
            @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
            @Min(1) @DefaultValue("10") int minimumCalls,
            @NotNull @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param organizationMonthlyUsd an organization's monthly model spend unless it sets its own
     * @param learnerDailyUsd a learner's daily model spend unless the organization sets its own
     * @param offlineFallback whether, past a budget, the offline coach answers instead
     */
    public record Budgets(
            @NotNull @DecimalMin("0") @DefaultValue("50") BigDecimal organizationMonthlyUsd,
            @NotNull @DecimalMin("0") @DefaultValue("1") BigDecimal learnerDailyUsd,
            @DefaultValue("true") boolean offlineFallback) {
    }

    /**
     * @param maxCallsPerAnswer the most tool calls one answer may make; later calls are refused
     * @param callTimeout the longest one tool call may run
     * @param totalTime the longest all tool calls of one answer may run together
     */
    public record Tools(
            @Min(0) @Max(50) @DefaultValue("6") int maxCallsPerAnswer,
            @NotNull @DefaultValue("15s") Duration callTimeout,
            @NotNull @DefaultValue("40s") Duration totalTime) {
    }

    /**
     * @param maxHistoryTokens the most (estimated) tokens of earlier turns sent verbatim with a question
     * @param historyShare the largest share of the chosen model's context window earlier turns may take, in percent
     * @param windows context windows in tokens, {@code model=tokens} pairs separated by commas
     * @param defaultWindow the context window of a model {@code windows} does not list
     */
    public record Context(
            @Min(200) @DefaultValue("4000") int maxHistoryTokens,
            @Min(1) @Max(90) @DefaultValue("25") int historyShare,
            @NotNull @DefaultValue("gpt-4o-mini=128000,gpt-4o=128000,gpt-4.1-mini=1000000,gpt-4.1=1000000,"
                    + "claude-3-5-haiku-latest=200000,claude-sonnet-4-0=200000") String windows,
            @Min(512) @DefaultValue("8192") int defaultWindow) {

        /** The context windows parsed from {@link #windows()}. */
        public Map<String, Integer> windowTable() {
            Map<String, Integer> table = new LinkedHashMap<>();
            for (String entry : windows.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] pair = entry.trim().split("=", 2);
                try {
                    table.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("agentcoach.coaching.context.windows: '" + entry.trim()
                            + "' is not model=tokens");
                }
            }
            return Map.copyOf(table);
        }

        /** The tokens of earlier turns sent verbatim to {@code model} (a model name without provider). */
        public int historyBudget(String model) {
            int window = windowTable().getOrDefault(model, defaultWindow);
            return Math.min(maxHistoryTokens, (int) ((long) window * historyShare / 100));
        }
    }
}
