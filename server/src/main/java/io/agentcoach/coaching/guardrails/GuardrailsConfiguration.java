package io.agentcoach.coaching.guardrails;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the guardrails, built from their settings, to the rest of the coaching module. */
@Configuration(proxyBeanMethods = false)
class GuardrailsConfiguration {

    @Bean
    Guardrails guardrails(GuardrailSettings settings) {
        return new Guardrails(settings);
    }
}
