package io.agentcoach.coaching.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class GuardrailSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GuardrailSettings.class)
    @Import(GuardrailsConfiguration.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void documentedDefaultsAreTheBoundDefaults() {
        runner.run(context -> {
            assertThat(context.getBean(GuardrailSettings.class)).isEqualTo(GuardrailSettings.defaults());
            assertThat(context).hasSingleBean(Guardrails.class);
        });
    }

    @Test
    void thresholdsAreSetByProperty() {
        runner.withPropertyValues("agentcoach.coaching.guardrails.injection-block-score=0.9",
                        "agentcoach.coaching.guardrails.vague-max-chars=40")
                .run(context -> assertThat(context.getBean(GuardrailSettings.class))
                        .extracting(GuardrailSettings::injectionBlockScore, GuardrailSettings::vagueMaxChars)
                        .containsExactly(0.9, 40));
    }

    @Test
    void outOfRangeThresholdStopsStartUp() {
        runner.withPropertyValues("agentcoach.coaching.guardrails.solution-max-containment=1.5")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("solutionMaxContainment"));
    }
}
