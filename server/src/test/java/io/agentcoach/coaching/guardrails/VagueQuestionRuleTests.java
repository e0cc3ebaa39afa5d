package io.agentcoach.coaching.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.coaching.guardrails.GuardContext.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VagueQuestionRuleTests {

    private final VagueQuestionRule rule = new VagueQuestionRule(GuardrailSettings.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"it doesn't work", "help", "why?", "Help!!!", "my code is broken, any ideas?",
            "still not working :(", "It doesn\u2019t work", "what's wrong?", "???"})
    void asksWhatToShareWhenTheMessageSaysNothingSpecific(String message) {
        Decision decision = rule.evaluate(message, GuardContexts.externalWithConsent(Source.LEARNER_MESSAGE));

        assertThat(decision).isInstanceOfSatisfying(Decision.AskClarification.class, ask -> assertThat(ask.question())
                .contains("error message", "failing test", "the code you are running"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is RAG?", "why does my agent loop forever?", "help with LangChain memory",
            "`KeyError: 'tools'` why?"})
    void answersAShortButSpecificQuestion(String message) {
        assertThat(rule.evaluate(message, GuardContexts.externalWithConsent(Source.LEARNER_MESSAGE))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void answersAVagueMessageSentFromAnExercise() {
        assertThat(rule.evaluate("it doesn't work", GuardContexts.messageAboutExercise())).isEqualTo(Decision.ALLOW);
    }

    @Test
    void answersAVagueMessageWithCodeAttached() {
        assertThat(rule.evaluate("why?", GuardContexts.messageWithCode())).isEqualTo(Decision.ALLOW);
    }
}
