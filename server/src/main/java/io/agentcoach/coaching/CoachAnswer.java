package io.agentcoach.coaching;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The coach's complete answer, after its tokens were streamed.
 *
 * @param text the whole answer as streamed
 * @param model the model that answered ({@code provider:model}, or {@code offline})
 * @param routing the routing decision and its reason
 * @param inputTokens tokens sent to the model (0 offline)
 * @param outputTokens tokens received (0 offline)
 * @param costUsd what the call cost by the price table
 * @param latency from question to last token
 * @param citations the curriculum passages the answer was grounded in
 * @param budgetExhausted whether a budget stopped the gateway from calling a model
 * @param toolCalls the tools called while answering, in order
 * @param stopped whether the learner stopped the answer while it streamed: {@code text} is the part
 *     streamed until then, and the tokens are estimated when the provider could not report them
 */
public record CoachAnswer(String text, String model, RoutingDecision routing, int inputTokens, int outputTokens,
        BigDecimal costUsd, Duration latency, List<CurriculumPassage> citations, boolean budgetExhausted,
        List<CoachToolCall> toolCalls, boolean stopped) {

    public static final String OFFLINE_MODEL = "offline";

    public CoachAnswer {
        citations = List.copyOf(citations);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public boolean offline() {
        return OFFLINE_MODEL.equals(model);
    }

    public boolean grounded() {
        return !citations.isEmpty();
    }
}
