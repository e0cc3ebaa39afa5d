package io.agentcoach.coaching.gateway;

import java.time.Clock;

import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.Coach;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.coaching.guardrails.Guardrails;
import io.agentcoach.coaching.offline.OfflineCoach;
import io.agentcoach.identity.Consents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the gateway: grounding through the knowledge module's search ({@link GroundingSource}),
 * reference solutions from the content module ({@link ReferenceSolutions}), and the guardrails on
 * every prompt and answer.
 */
@Configuration(proxyBeanMethods = false)
class CoachingGatewayConfiguration {

    @Bean
    UsageLedger coachingUsageLedger(JdbcClient jdbc, CoachingSettings settings, Consents consents) {
        return new UsageLedger(jdbc, settings.budgets(), Clock.systemUTC(), consents);
    }

    @Bean
    Coach coach(CoachingSettings settings, UsageLedger ledger, GroundingSource grounding,
            ReferenceSolutions solutions, Guardrails guardrails, ApplicationEventPublisher events) {
        return new CoachingGateway(new ModelCatalog(settings, Clock.systemUTC()), new ModelCaller(settings.resilience()),
                ledger, grounding, new OfflineCoach(), events, solutions, guardrails);
    }
}
