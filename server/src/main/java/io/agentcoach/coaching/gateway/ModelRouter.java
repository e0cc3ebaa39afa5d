package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.agentcoach.coaching.RoutingDecision;
import io.agentcoach.coaching.RoutingDecision.Complexity;
import io.agentcoach.coaching.RoutingDecision.QueryType;
import io.agentcoach.coaching.gateway.ModelOption.Tier;
import io.agentcoach.coaching.gateway.QueryClassifier.Classification;

/**
 * Picks the order in which models are tried for a question: the tier its type and complexity
 * call for, the user's then the organization's preferred model first, models whose estimated
 * cost exceeds the remaining allowance left out. Every choice is written into the reason.
 */
final class ModelRouter {

    /** A rough size of one grounded call, to compare a model's price with the remaining allowance. */
    static final int ESTIMATED_INPUT_TOKENS = 2_000;
    static final int ESTIMATED_OUTPUT_TOKENS = 800;

    record Preferences(String userModel, String organizationModel) {

        static final Preferences NONE = new Preferences("", "");
    }

    RoutingDecision route(Classification query, List<ModelOption> available, Preferences preferences,
            BigDecimal remainingUsd) {
        String classified = query.type().name().toLowerCase() + ", " + query.complexity().name().toLowerCase()
                + " complexity (" + query.why() + ")";
        if (query.type() == QueryType.OFF_TOPIC) {
            return new RoutingDecision(query.type(), query.complexity(), List.of(),
                    classified + "; off-topic questions get the offline coach's redirect, no model is paid for");
        }
        if (available.isEmpty()) {
            return new RoutingDecision(query.type(), query.complexity(), List.of(),
                    classified + "; no model provider is configured, so the offline coach answers");
        }
        Tier wanted = query.complexity() == Complexity.HIGH || query.type() == QueryType.ARCHITECTURE
                ? Tier.LARGE : Tier.SMALL;
        List<String> reasons = new ArrayList<>();
        reasons.add(classified);
        reasons.add("wants a " + wanted.name().toLowerCase() + " model");
        List<ModelOption> affordable = new ArrayList<>();
        for (ModelOption option : available) {
            BigDecimal estimate = estimatedCost(option);
            if (estimate.compareTo(remainingUsd) > 0) {
                reasons.add("left out " + option.id() + ": its estimated $" + estimate.setScale(4, RoundingMode.UP)
                        + " exceeds the remaining $" + remainingUsd.setScale(4, RoundingMode.DOWN));
            } else {
                affordable.add(option);
            }
        }
        Comparator<ModelOption> order = Comparator
                .comparing((ModelOption o) -> o.tier() == wanted ? 0 : 1)
                .thenComparing(ModelRouter::estimatedCost);
        List<ModelOption> chain = new ArrayList<>(affordable.stream().sorted(order).toList());
        promote(chain, preferences.organizationModel(), "the organization prefers", reasons);
        promote(chain, preferences.userModel(), "the learner prefers", reasons);
        if (chain.isEmpty()) {
            reasons.add("no configured model fits the remaining allowance");
        } else {
            reasons.add("first " + chain.getFirst().id() + ", then the others by tier and price");
        }
        return new RoutingDecision(query.type(), query.complexity(), chain.stream().map(ModelOption::id).toList(),
                String.join("; ", reasons));
    }

    private static void promote(List<ModelOption> chain, String preferred, String who, List<String> reasons) {
        if (preferred == null || preferred.isBlank()) {
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            ModelOption option = chain.get(i);
            if (option.id().equals(preferred) || option.id().endsWith(":" + preferred)) {
                chain.remove(i);
                chain.addFirst(option);
                reasons.add(who + " " + option.id());
                return;
            }
        }
        reasons.add(who + " " + preferred + ", which is not available or not affordable");
    }

    static BigDecimal estimatedCost(ModelOption option) {
        return Costs.of(option.price(), ESTIMATED_INPUT_TOKENS, ESTIMATED_OUTPUT_TOKENS);
    }
}
