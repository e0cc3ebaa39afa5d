package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules applied in order. Each rule sees the text as left by the previous one; the first
 * {@link Decision#stops() stopping} decision ends the run. The result is {@link Decision.Allow}
 * when no rule changed anything, otherwise one {@link Decision.Rewrite} with the final text and all
 * reasons.
 */
public final class GuardrailPipeline {

    private final String name;
    private final List<GuardrailRule> rules;

    public GuardrailPipeline(String name, List<GuardrailRule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    public String name() {
        return name;
    }

    public List<GuardrailRule> rules() {
        return rules;
    }

    /** Runs every rule on the text; see the class comment for how decisions combine. */
    public Result run(String text, GuardContext context) {
        String current = text == null ? "" : text;
        List<String> reasons = new ArrayList<>();
        List<Step> trace = new ArrayList<>(rules.size());
        for (GuardrailRule rule : rules) {
            Decision decision = rule.evaluate(current, context);
            trace.add(new Step(rule.name(), decision));
            switch (decision) {
                case Decision.Allow _ -> { }
                case Decision.Rewrite rewrite -> {
                    current = rewrite.text();
                    reasons.addAll(rewrite.reasons());
                }
                case Decision.Block block -> {
                    return new Result(block, trace);
                }
                case Decision.AskClarification ask -> {
                    return new Result(ask, trace);
                }
            }
        }
        Decision outcome = reasons.isEmpty() && current.equals(text) ? Decision.ALLOW : new Decision.Rewrite(current, reasons);
        return new Result(outcome, trace);
    }

    /**
     * @param decision the combined decision
     * @param trace each rule that ran and what it decided, for explainability
     */
    public record Result(Decision decision, List<Step> trace) {
        public Result {
            trace = List.copyOf(trace);
        }

        /** The text to use when the decision lets it through, the original otherwise. */
        public String textOr(String original) {
            return decision instanceof Decision.Rewrite rewrite ? rewrite.text() : original;
        }
    }

    /** One rule's decision within a run. */
    public record Step(String rule, Decision decision) {
    }
}
