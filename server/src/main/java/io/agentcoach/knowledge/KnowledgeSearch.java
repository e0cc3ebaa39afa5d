package io.agentcoach.knowledge;

import java.util.List;

/**
 * Hybrid (BM25 + dense) retrieval over the curriculum and organization documents; what the coach
 * uses to ground its answers. Every call is limited to what {@link RetrievalFilter} allows.
 */
public interface KnowledgeSearch {

    /**
     * The passages that best answer {@code query}, best first. A query longer than the model reads
     * is truncated; query syntax characters are plain text.
     *
     * @throws IllegalArgumentException if the query is blank
     */
    List<Passage> retrieve(String query, RetrievalFilter filter);

    /** Passages from other sources most similar to the source {@code sourceId}; empty if it is unknown or not visible. */
    List<Passage> related(String sourceId, RetrievalFilter filter);

    /** Whether the index has caught up with the database since start-up. */
    boolean ready();
}
