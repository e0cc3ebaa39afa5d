/**
 * Chunking, in-process embeddings and the hybrid (BM25 + HNSW) Lucene index that grounds the coach, with citations. Depends on platform, identity (the caller's organization) and content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = {"platform", "identity", "content"})
package io.agentcoach.knowledge;
