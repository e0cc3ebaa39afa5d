package io.agentcoach.coaching.gateway;

import java.time.Clock;

import io.agentcoach.coaching.Allowances;
import io.agentcoach.coaching.Coach;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.coaching.context.ConversationMemory;
import io.agentcoach.coaching.context.ConversationSummaries;
import io.agentcoach.coaching.guardrails.Guardrails;
import io.agentcoach.coaching.offline.OfflineCoach;
import io.agentcoach.coaching.tools.CoachTools;
import io.agentcoach.content.Curriculum;
import io.agentcoach.identity.Consents;
import io.agentcoach.identity.OrganizationMembers;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.practice.Attempts;
import io.agentcoach.practice.PracticeSettings;
import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.TestGrader;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the gateway: grounding through the knowledge module's search ({@link GroundingSource}),
 * reference solutions from the content module ({@link ReferenceSolutions}), the guardrails on
 * every prompt and answer, the coaching tools over content, practice, sandbox and mastery, and the
 * conversation memory kept with the sessions.
 */
@Configuration(proxyBeanMethods = false)
class CoachingGatewayConfiguration {

    @Bean
    UsageLedger coachingUsageLedger(JdbcClient jdbc, PlatformTransactionManager transactions, CoachingSettings settings,
            Consents consents) {
        return new UsageLedger(jdbc, new TransactionTemplate(transactions), settings.budgets(), Clock.systemUTC(), consents);
    }

    @Bean
    ModelCatalog coachingModelCatalog(CoachingSettings settings) {
        return new ModelCatalog(settings, Clock.systemUTC());
    }

    @Bean
    ModelCaller coachingModelCaller(CoachingSettings settings) {
        return new ModelCaller(settings.resilience());
    }

    @Bean
    UsageReports coachingUsageReports(JdbcClient jdbc, CoachingSettings settings, OrganizationMembers members) {
        return new UsageReports(jdbc, settings.budgets(), members, Clock.systemUTC());
    }

    @Bean
    CrewModels crewModels(ModelCatalog catalog, ModelCaller caller, UsageLedger ledger) {
        return new CrewModels(catalog, caller, ledger);
    }

    @Bean(destroyMethod = "stop")
    CoachTools coachTools(GroundingSource grounding, Curriculum curriculum, Attempts attempts, TestGrader grader,
            CodeRunner runner, PracticeSettings practice, Masteries masteries, LearningPaths paths,
            Guardrails guardrails, CoachingSettings settings) {
        return new CoachTools(grounding, curriculum, attempts, grader, runner, practice, masteries, paths, guardrails,
                settings.tools());
    }

    @Bean
    Coach coach(CoachingSettings settings, ModelCatalog catalog, ModelCaller caller, UsageLedger ledger,
            GroundingSource grounding, ReferenceSolutions solutions, Guardrails guardrails,
            ApplicationEventPublisher events, CoachTools tools, ConversationSummaries summaries) {
        return new CoachingGateway(catalog, caller, ledger, grounding, new OfflineCoach(), events, solutions,
                guardrails, tools, new ConversationMemory(summaries, settings.context()));
    }
}
