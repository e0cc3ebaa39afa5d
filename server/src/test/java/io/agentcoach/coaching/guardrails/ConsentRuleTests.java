package io.agentcoach.coaching.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.coaching.guardrails.GuardContext.Source;
import org.junit.jupiter.api.Test;

class ConsentRuleTests {

    private final ConsentRule rule = new ConsentRule();

    @Test
    void blocksExternalProcessingWithoutConsentAndSaysTheOfflineCoachAnswers() {
        Decision decision = rule.evaluate("How do I add memory to my agent?", GuardContexts.externalWithoutConsent());

        assertThat(decision).isInstanceOfSatisfying(Decision.Block.class, block -> {
            assertThat(block.reason()).isEqualTo("external-processing-consent: no consent to external processing");
            assertThat(block.userMessage()).contains("not agreed", "offline coach answers instead", "settings");
        });
    }

    @Test
    void allowsExternalProcessingWithConsent() {
        assertThat(rule.evaluate("How do I add memory?", GuardContexts.externalWithConsent(Source.LEARNER_MESSAGE)))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void needsNoConsentForTheLocalCoach() {
        assertThat(rule.evaluate("How do I add memory?", GuardContexts.local(Source.LEARNER_MESSAGE))).isEqualTo(Decision.ALLOW);
    }
}
