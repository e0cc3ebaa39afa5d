package io.agentcoach.knowledge.retrieval;

/** A chunk found by a search, with its score in that search. */
public record Hit(Chunk chunk, double score) {
}
