package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.agentcoach.coaching.RoutingDecision;
import io.agentcoach.coaching.RoutingDecision.Complexity;
import io.agentcoach.coaching.RoutingDecision.QueryType;
import io.agentcoach.coaching.gateway.ModelCaller.Completed;
import io.agentcoach.coaching.gateway.ModelCaller.ModelCallFailed;
import io.agentcoach.coaching.gateway.QueryClassifier.Classification;
import io.agentcoach.platform.Tenants;

/**
 * Models for the coach and mentor agents of a crew, through the same gateway as answers: routed
 * by tier, preferences and the remaining allowance, each call with the caller's timeouts, retries
 * and breaker, falling through the chain, and recorded in the usage ledger (purpose {@code plan} or
 * {@code review}). A crew that may not call a model (none configured, no consent to external
 * processing, a budget used up) is told why and works offline.
 */
public final class CrewModels {

    /** What a crew writes; plans want a capable model, reviews too (code and pedagogy at once). */
    public enum Task {
        PLAN, REVIEW
    }

    private final ModelCatalog catalog;
    private final ModelCaller caller;
    private final UsageLedger ledger;
    private final ModelRouter router = new ModelRouter();

    CrewModels(ModelCatalog catalog, ModelCaller caller, UsageLedger ledger) {
        this.catalog = catalog;
        this.caller = caller;
        this.ledger = ledger;
    }

    /** Opens the models of one crew run for {@code userId} in {@code organizationId}. */
    public Run open(UUID organizationId, UUID userId, Task task) {
        UsageLedger.Standing standing = Tenants.callAs(organizationId, () -> ledger.standing(organizationId, userId));
        Classification query = task == Task.PLAN
                ? new Classification(QueryType.ARCHITECTURE, Complexity.HIGH, "a learning plan weighs the whole path")
                : new Classification(QueryType.CODE_REVIEW, Complexity.HIGH, "a code review reads a whole submission");
        RoutingDecision routing;
        String offlineBecause = "";
        if (catalog.available().isEmpty()) {
            routing = new RoutingDecision(query.type(), query.complexity(), List.of(), "no model provider is configured");
            offlineBecause = "no AI model is configured on this server";
        } else if (!standing.consentToExternalProcessing()) {
            routing = new RoutingDecision(query.type(), query.complexity(), List.of(),
                    "consent: the learner has not agreed to external processing");
            offlineBecause = "you have not agreed to have your data processed by an external AI provider";
        } else if (standing.allowance().exhausted()) {
            routing = new RoutingDecision(query.type(), query.complexity(), List.of(),
                    "budget: " + standing.allowance().exhaustedBecause());
            offlineBecause = standing.allowance().exhaustedBecause();
        } else {
            routing = router.route(query, catalog.available(), standing.preferences(), standing.allowance().remaining());
            if (routing.chain().isEmpty()) {
                offlineBecause = "what remains of your AI allowance is less than a model call costs";
            }
        }
        return new Run(organizationId, userId, task, routing, offlineBecause);
    }

    /** One crew run: its routing, the models that answered and what they cost. */
    public final class Run {

        private final UUID organizationId;
        private final UUID userId;
        private final Task task;
        private final RoutingDecision routing;
        private final String offlineBecause;
        private final Set<String> models = new LinkedHashSet<>();
        private int inputTokens;
        private int outputTokens;
        private BigDecimal cost = BigDecimal.ZERO;

        private Run(UUID organizationId, UUID userId, Task task, RoutingDecision routing, String offlineBecause) {
            this.organizationId = organizationId;
            this.userId = userId;
            this.task = task;
            this.routing = routing;
            this.offlineBecause = offlineBecause;
        }

        /** Whether no model may be called (then {@link #offlineBecause()} says why). */
        public boolean offline() {
            return routing.chain().isEmpty();
        }

        public String offlineBecause() {
            return offlineBecause;
        }

        public RoutingDecision routing() {
            return routing;
        }

        /** The models that answered, in order of first use. */
        public List<String> models() {
            return List.copyOf(models);
        }

        public int inputTokens() {
            return inputTokens;
        }

        public int outputTokens() {
            return outputTokens;
        }

        public BigDecimal costUsd() {
            return cost;
        }

        /**
         * A LangChain4j chat model for one agent: each request goes to the chain's models in order
         * until one answers; a {@link NoModelAnswered} when none does.
         */
        public ChatModel chatModel() {
            return new ChatModel() {
                @Override
                public ChatResponse doChat(ChatRequest request) {
                    return call(ChatRequest.builder().messages(request.messages()).build());
                }
            };
        }

        private synchronized ChatResponse call(ChatRequest request) {
            List<String> failures = new ArrayList<>();
            for (String modelId : routing.chain()) {
                ModelOption model = catalog.byId(modelId);
                long start = System.nanoTime();
                try {
                    Completed completed = caller.call(model, request, token -> { });
                    var usage = completed.response().tokenUsage();
                    int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                    int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
                    BigDecimal callCost = Costs.of(model.price(), in, out);
                    record(modelId, true, null, completed.attempts(), in, out, callCost, start);
                    models.add(modelId);
                    inputTokens += in;
                    outputTokens += out;
                    cost = cost.add(callCost);
                    return completed.response();
                } catch (ModelCallFailed failed) {
                    record(modelId, false, failed.getMessage(), failed.attempts, 0, 0, BigDecimal.ZERO, start);
                    failures.add(modelId + ": " + failed.getMessage());
                }
            }
            throw new NoModelAnswered("no model answered (" + String.join("; ", failures) + ")");
        }

        private void record(String modelId, boolean answered, String failure, int attempts, int in, int out,
                BigDecimal callCost, long start) {
            UsageLedger.Purpose purpose = task == Task.PLAN ? UsageLedger.Purpose.PLAN : UsageLedger.Purpose.REVIEW;
            Tenants.runAs(organizationId, () -> ledger.record(new UsageLedger.Call(organizationId, userId, null, modelId,
                    routing, answered, failure, Math.max(attempts, 1), in, out, callCost,
                    ModelCaller.elapsedSince(start).toMillis(), purpose)));
        }
    }

    /** Every model of a crew's chain failed; the crew falls back to its offline version. */
    public static final class NoModelAnswered extends RuntimeException {

        NoModelAnswered(String message) {
            super(message);
        }
    }
}
