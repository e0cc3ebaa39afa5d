package io.agentcoach.mastery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.MasterySettings;
import io.agentcoach.mastery.tracing.Attempt;
import io.agentcoach.mastery.tracing.BayesianKnowledgeTracing;
import io.agentcoach.mastery.tracing.GradientBoostedKnowledgeTracing;
import io.agentcoach.mastery.tracing.KnowledgeTracer;
import io.agentcoach.mastery.tracing.LearnerSequence;
import io.agentcoach.mastery.tracing.LogisticKnowledgeTracing;
import io.agentcoach.mastery.tracing.TracingModel;
import io.agentcoach.mastery.tracing.Vocabulary;
import io.agentcoach.platform.Tenants;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge-tracing model the server runs, refitted from the logged answers of all learners
 * at start and then every {@code agentcoach.mastery.refit-interval}. Until enough answers are
 * logged, BKT with usual parameters stands in.
 */
@Component
class TracingModels {

    private static final Logger log = LoggerFactory.getLogger(TracingModels.class);

    /** A fitted model with the id spaces it was fitted in; ids added later are unseen to it. */
    record Fitted(long version, TracingModel model, Vocabulary items, Vocabulary skills) {
    }

    private final JdbcClient jdbc;
    private final MasterySettings settings;
    private final AtomicLong versions = new AtomicLong();
    private final AtomicReference<Fitted> current;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mastery-refit").daemon().factory());

    TracingModels(JdbcClient jdbc, MasterySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.current = new AtomicReference<>(new Fitted(versions.incrementAndGet(),
                BayesianKnowledgeTracing.unfitted(), new Vocabulary(), new Vocabulary()));
    }

    Fitted current() {
        return current.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleRefits() {
        long every = settings.refitInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refitQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void refitQuietly() {
        try {
            // the model learns from every organization's answers; predictions stay per learner
            Tenants.runAsSystem(this::refit);
        } catch (RuntimeException e) {
            log.warn("Refitting the knowledge-tracing model failed; keeping the current one", e);
        }
    }

    /** Fits the configured model on every logged answer, in each learner's answer order. */
    Fitted refit() {
        Vocabulary items = new Vocabulary();
        Vocabulary skills = new Vocabulary();
        Map<String, List<Attempt>> byLearner = new LinkedHashMap<>();
        int[] count = {0};
        jdbc.sql("""
                select a.organization_id, a.user_id, a.item_id, a.skill_ids, a.correct,
                    (select count(*) from mastery_hints h where h.organization_id = a.organization_id
                     and h.user_id = a.user_id and h.item_id = a.item_id and h.revealed_at <= a.occurred_at)
                from mastery_attempts a
                order by a.organization_id, a.user_id, a.occurred_at, a.attempt_id""")
                .query(rs -> {
                    String learner = rs.getString(1) + "/" + rs.getString(2);
                    boolean correct = rs.getBoolean(5);
                    byLearner.computeIfAbsent(learner, k -> new ArrayList<>())
                            .add(toAttempt(rs.getString(3), rs.getString(4), correct,
                                    Masteries.creditOf(correct, rs.getInt(6)), items, skills));
                    count[0]++;
                });
        TracingModel model;
        if (count[0] < settings.minAttemptsToFit()) {
            model = BayesianKnowledgeTracing.unfitted();
        } else {
            List<LearnerSequence> sequences = new ArrayList<>();
            byLearner.forEach((learner, attempts) -> sequences.add(LearnerSequence.of(learner, attempts)));
            KnowledgeTracer tracer = switch (settings.model()) {
                case "bkt" -> new BayesianKnowledgeTracing();
                case "gbt" -> new GradientBoostedKnowledgeTracing();
                default -> new LogisticKnowledgeTracing();
            };
            model = tracer.fit(sequences, items.size(), skills.size());
        }
        Fitted fitted = new Fitted(versions.incrementAndGet(), model, items, skills);
        current.set(fitted);
        if (count[0] < settings.minAttemptsToFit()) {
            log.info("Knowledge tracing: BKT with usual parameters ({} answers logged, {} needed to fit)", count[0],
                    settings.minAttemptsToFit());
        } else {
            log.info("Knowledge tracing: {} model fitted on {} answers of {} learners", model.name(), count[0],
                    byLearner.size());
        }
        return fitted;
    }

    static Attempt toAttempt(String itemId, String skillIds, boolean correct, double credit, Vocabulary items,
            Vocabulary skills) {
        String[] names = skillIds.split(",");
        int[] ids = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            ids[k] = skills.id(names[k]);
        }
        return new Attempt(itemId == null ? Attempt.NO_ITEM : items.id(itemId), ids, correct, credit);
    }
}
