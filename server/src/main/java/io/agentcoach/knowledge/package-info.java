/**
 * Chunking, in-process embeddings and the hybrid (BM25 + HNSW) Lucene index that grounds the coach, with citations. Depends on platform and content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = {"platform", "content"})
package io.agentcoach.knowledge;
