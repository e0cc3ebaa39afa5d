package io.agentcoach.coaching.gateway;

import java.time.Clock;

import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.Coach;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.coaching.offline.MarkdownGroundingSource;
import io.agentcoach.coaching.offline.OfflineCoach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the gateway. Grounding comes from a {@link GroundingSource} bean when another module
 * provides one, otherwise from the content directory's Markdown; reference solutions from a
 * {@link ReferenceSolutions} bean when practice provides one, otherwise none are withheld.
 */
@Configuration(proxyBeanMethods = false)
class CoachingGatewayConfiguration {

    @Bean
    UsageLedger coachingUsageLedger(JdbcClient jdbc, CoachingSettings settings) {
        return new UsageLedger(jdbc, settings.budgets(), Clock.systemUTC());
    }

    @Bean
    Coach coach(CoachingSettings settings, UsageLedger ledger, ObjectProvider<GroundingSource> grounding,
            ObjectProvider<ReferenceSolutions> solutions, ApplicationEventPublisher events) {
        GroundingSource source = grounding.getIfAvailable(() -> new MarkdownGroundingSource(settings.contentDir()));
        ReferenceSolutions references = solutions.getIfAvailable(() -> (userId, exerciseId) -> java.util.Optional.empty());
        return new CoachingGateway(new ModelCatalog(settings, Clock.systemUTC()), new ModelCaller(settings.resilience()),
                ledger, source, new OfflineCoach(), events, references);
    }
}
