package io.agentcoach.mastery.tracing;

import java.util.List;

/** A knowledge-tracing method: fits a model offline from logged attempt sequences. */
public interface KnowledgeTracer {

    /** Short stable name, used in reports and settings ("bkt", "lr"). */
    String name();

    /**
     * Fits the model's parameters. Item and skill ids are dense and below the given counts;
     * ids at or above them later (items or skills first seen after fitting) must be handled.
     */
    TracingModel fit(List<LearnerSequence> training, int itemCount, int skillCount);
}
