package io.agentcoach.knowledge.retrieval;

/** Which ranking a search uses. */
public enum SearchMode {
    /** BM25 over title, section and text. */
    LEXICAL,
    /** Cosine similarity of MiniLM embeddings (HNSW). */
    DENSE,
    /** Reciprocal-rank fusion of the two. */
    HYBRID
}
