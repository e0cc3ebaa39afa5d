package io.agentcoach.coaching.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.agentcoach.coaching.CoachingSettings.Price;
import io.agentcoach.coaching.RoutingDecision;
import io.agentcoach.coaching.RoutingDecision.Complexity;
import io.agentcoach.coaching.RoutingDecision.QueryType;
import io.agentcoach.coaching.gateway.ModelOption.Tier;
import io.agentcoach.coaching.gateway.ModelRouter.Preferences;
import org.junit.jupiter.api.Test;

/** Classification and routing rules, without any provider. */
class RoutingTests {

    final QueryClassifier classifier = new QueryClassifier();
    final ModelRouter router = new ModelRouter();

    static ModelOption model(String id, Tier tier, String in, String out) {
        return new ModelOption(id, id.substring(0, id.indexOf(':')), tier,
                new Price(new BigDecimal(in), new BigDecimal(out)), null, null);
    }

    final List<ModelOption> models = List.of(
            model("openai:gpt-4o-mini", Tier.SMALL, "0.15", "0.60"),
            model("openai:gpt-4o", Tier.LARGE, "2.50", "10.00"),
            model("anthropic:claude-sonnet-4-0", Tier.LARGE, "3.00", "15.00"));

    @Test
    void classifiesTheKindsOfQuestionsLearnersAsk() {
        assertThat(classifier.classify("What is retrieval-augmented generation?").type()).isEqualTo(QueryType.CONCEPT);
        assertThat(classifier.classify("My agent throws a NullPointerException when the tool returns nothing").type())
                .isEqualTo(QueryType.DEBUGGING);
        assertThat(classifier.classify("Can you review my planner?\n```python\ndef plan(goal):\n    return []\n```")
                .type()).isEqualTo(QueryType.CODE_REVIEW);
        assertThat(classifier.classify("How should I design a multi-agent system for support tickets?").type())
                .isEqualTo(QueryType.ARCHITECTURE);
        assertThat(classifier.classify("Any good movie recommendations for tonight?").type())
                .isEqualTo(QueryType.OFF_TOPIC);
        assertThat(classifier.classify("Which movie database API should my agent's tool call?").type())
                .isNotEqualTo(QueryType.OFF_TOPIC);
    }

    @Test
    void complexityFollowsLengthQuestionsAndDemandingCues() {
        assertThat(classifier.classify("What is a tool?").complexity()).isEqualTo(Complexity.LOW);
        assertThat(classifier.classify("Compare ReAct and plan-and-execute agents").complexity())
                .isEqualTo(Complexity.HIGH);
        assertThat(classifier.classify("What is memory? What is a tool? What is a planner?").complexity())
                .isEqualTo(Complexity.HIGH);
        assertThat(classifier.classify("x".repeat(700)).complexity()).isEqualTo(Complexity.HIGH);
    }

    @Test
    void simpleQuestionsGoToTheCheapModelFirstAndComplexOnesToTheCapableOne() {
        RoutingDecision simple = router.route(classifier.classify("What is a tool?"), models, Preferences.NONE,
                BigDecimal.ONE);
        assertThat(simple.chain()).containsExactly("openai:gpt-4o-mini", "openai:gpt-4o", "anthropic:claude-sonnet-4-0");

        RoutingDecision complex = router.route(classifier.classify("Compare ReAct and plan-and-execute agents"),
                models, Preferences.NONE, BigDecimal.ONE);
        assertThat(complex.chain()).containsExactly("openai:gpt-4o", "anthropic:claude-sonnet-4-0", "openai:gpt-4o-mini");
        assertThat(complex.reason()).contains("high complexity").contains("asks to 'compare'").contains("large model");
    }

    @Test
    void theLearnersPreferenceBeatsTheOrganizationsAndAnUnknownPreferenceIsExplained() {
        RoutingDecision both = router.route(classifier.classify("What is a tool?"), models,
                new Preferences("claude-sonnet-4-0", "openai:gpt-4o"), BigDecimal.ONE);
        assertThat(both.chain().getFirst()).isEqualTo("anthropic:claude-sonnet-4-0");
        assertThat(both.chain().get(1)).isEqualTo("openai:gpt-4o");

        RoutingDecision unknown = router.route(classifier.classify("What is a tool?"), models,
                new Preferences("mistral:large", ""), BigDecimal.ONE);
        assertThat(unknown.chain().getFirst()).isEqualTo("openai:gpt-4o-mini");
        assertThat(unknown.reason()).contains("the learner prefers mistral:large, which is not available or not affordable");
    }

    @Test
    void aNearlySpentAllowanceKeepsOnlyModelsItCanPayFor() {
        RoutingDecision decision = router.route(classifier.classify("Compare ReAct and plan-and-execute agents"),
                models, Preferences.NONE, new BigDecimal("0.005"));
        assertThat(decision.chain()).containsExactly("openai:gpt-4o-mini");
        assertThat(decision.reason()).contains("left out openai:gpt-4o").contains("exceeds the remaining $0.0050");

        RoutingDecision nothing = router.route(classifier.classify("What is a tool?"), models, Preferences.NONE,
                BigDecimal.ZERO);
        assertThat(nothing.chain()).isEmpty();
        assertThat(nothing.reason()).contains("no configured model fits the remaining allowance");
    }

    @Test
    void withoutProvidersOrOnOffTopicQuestionsTheChainIsEmptyAndSaysWhy() {
        assertThat(router.route(classifier.classify("What is a tool?"), List.of(), Preferences.NONE, BigDecimal.ONE)
                .reason()).contains("no model provider is configured");
        assertThat(router.route(classifier.classify("Tell me a joke about football"), models, Preferences.NONE,
                BigDecimal.ONE).chain()).isEmpty();
    }
}
