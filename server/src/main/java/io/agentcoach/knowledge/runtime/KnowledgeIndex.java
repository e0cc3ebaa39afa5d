package io.agentcoach.knowledge.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import io.agentcoach.knowledge.CurriculumDocument;
import io.agentcoach.content.ContentChanged;
import io.agentcoach.knowledge.CurriculumSource;
import io.agentcoach.knowledge.KnowledgeSearch;
import io.agentcoach.knowledge.KnowledgeSettings;
import io.agentcoach.knowledge.Passage;
import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import io.agentcoach.knowledge.retrieval.Chunk;
import io.agentcoach.knowledge.retrieval.Embedder;
import io.agentcoach.knowledge.retrieval.Hit;
import io.agentcoach.knowledge.retrieval.HybridIndex;
import io.agentcoach.knowledge.retrieval.MarkdownChunker;
import io.agentcoach.knowledge.retrieval.MiniLmEmbedder;
import io.agentcoach.knowledge.retrieval.SearchMode;
import io.agentcoach.knowledge.retrieval.SourceText;
import io.agentcoach.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's copy of the knowledge index. At start-up it opens (or, if corrupt, recreates) the
 * Lucene index under the data directory and catches it up in the background with the curriculum
 * and every organization's documents in the database: changed sources are re-indexed, removed ones
 * deleted. Until then {@link #ready()} is false and readiness reports OUT_OF_SERVICE.
 */
@Service
class KnowledgeIndex implements KnowledgeSearch, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    private static final int SOURCES_PER_BATCH = 64;

    private final KnowledgeSettings settings;
    private final Path directory;
    private final Documents documents;
    private final ObjectProvider<CurriculumSource> curriculum;
    private final MarkdownChunker chunker;
    private final Snippets snippets = new Snippets();
    private final ReentrantLock writes = new ReentrantLock();

    private volatile HybridIndex index;
    private volatile boolean ready;
    private volatile String failure;

    KnowledgeIndex(KnowledgeSettings settings, PlatformSettings platform, Documents documents,
            ObjectProvider<CurriculumSource> curriculum) {
        this.settings = settings;
        this.directory = settings.indexDir() != null ? settings.indexDir() : platform.dataDir().resolve("index");
        this.documents = documents;
        this.curriculum = curriculum;
        this.chunker = new MarkdownChunker(settings.chunkWords());
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpInBackground() {
        Thread.ofVirtual().name("knowledge-index-catch-up").start(this::openAndCatchUp);
    }

    private void openAndCatchUp() {
        long start = System.nanoTime();
        writes.lock();
        try {
            int threads = settings.embeddingThreads() == 0 ? Runtime.getRuntime().availableProcessors() : settings.embeddingThreads();
            Embedder embedder = sharedEmbedder(
                    settings.quantizedModel() ? MiniLmEmbedder.Variant.QUANTIZED : MiniLmEmbedder.Variant.FULL, threads);
            index = HybridIndex.openOrRecreate(directory, embedder, System.getLogger(KnowledgeIndex.class.getName()));
            int changed = catchUp();
            ready = true;
            log.info("Knowledge index ready in {} ms: {} chunks, {} sources re-indexed", (System.nanoTime() - start) / 1_000_000,
                    index.size(), changed);
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
            log.error("Knowledge index could not be built; search stays unavailable", e);
        } finally {
            writes.unlock();
        }
    }

    private int catchUp() throws IOException {
        Map<String, String> indexed = index.versions();
        Set<String> present = new HashSet<>();
        Map<SourceText, List<Chunk>> batch = new LinkedHashMap<>();
        int[] changed = {0};
        List<SourceText> sources = new ArrayList<>();
        curriculum.orderedStream().forEach(source -> source.documents().stream().map(KnowledgeIndex::curriculumText).forEach(sources::add));
        documents.forEach(stored -> sources.add(documentText(stored)));
        for (SourceText source : sources) {
            present.add(source.sourceId());
            if (!source.version().equals(indexed.get(source.sourceId()))) {
                batch.put(source, chunker.chunk(source));
                changed[0]++;
                if (batch.size() == SOURCES_PER_BATCH) {
                    index.replace(batch);
                    batch.clear();
                }
            }
        }
        index.replace(batch);
        for (String sourceId : indexed.keySet()) {
            if (!present.contains(sourceId)) {
                index.delete(sourceId);
            }
        }
        index.commit();
        return changed[0];
    }

    /**
     * One model per variant and thread count for the whole JVM: the ONNX session is immutable and
     * thread-safe, and loading it costs seconds and tens of MB, so application contexts (tests
     * start several) share it rather than each loading its own.
     */
    private static Embedder sharedEmbedder(MiniLmEmbedder.Variant variant, int threads) {
        return EMBEDDERS.computeIfAbsent(variant + "/" + threads, key -> new MiniLmEmbedder(variant, threads));
    }

    private static final Map<String, Embedder> EMBEDDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The curriculum changed (reloaded, or an organization changed its items): index what differs.
     * After the change committed, on its own thread, and outside any transaction: a transaction would
     * take its pooled connection before the catch-up binds itself to all tenants, and row-level
     * security would then hide every organization's private items from it.
     */
    @Async
    @TransactionalEventListener
    void on(ContentChanged event) {
        if (!ready) {
            return;
        }
        writes.lock();
        try {
            int changed = catchUp();
            log.info("Knowledge index caught up with content {}: {} sources re-indexed", event.version(), changed);
        } catch (IOException e) {
            log.error("Knowledge index could not follow content {}", event.version(), e);
        } finally {
            writes.unlock();
        }
    }

    static SourceText curriculumText(CurriculumDocument doc) {
        return new SourceText(Snippets.indexedId(doc.sourceId(), doc.organizationId()), doc.title(), doc.organizationId(),
                doc.sourceType(), doc.track(), doc.skills(), doc.markdown());
    }

    static SourceText documentText(Documents.Stored stored) {
        return new SourceText(stored.summary().id().toString(), stored.summary().title(), stored.summary().organizationId(),
                SourceType.DOCUMENT, null, List.of(), stored.body());
    }

    /** Indexes an uploaded document now; if the index is still being built, the catch-up picks it up. */
    void indexed(Documents.Stored stored) {
        write(index -> {
            SourceText source = documentText(stored);
            index.replace(Map.of(source, chunker.chunk(source)));
        });
    }

    void removed(UUID documentId) {
        write(index -> index.delete(documentId.toString()));
    }

    private interface IndexWork {
        void apply(HybridIndex index) throws IOException;
    }

    private void write(IndexWork work) {
        writes.lock();
        try {
            if (index != null && ready) {
                work.apply(index);
                index.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** Why the index is not ready, if building it failed. */
    String failure() {
        return failure;
    }

    @Override
    public List<Passage> retrieve(String query, RetrievalFilter filter) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        return search(query, filter, null);
    }

    @Override
    public List<Passage> related(String sourceId, RetrievalFilter filter) {
        HybridIndex current = requireIndex();
        try {
            List<Chunk> chunks = current.chunksOf(sourceId, filter);
            if (chunks.isEmpty()) {
                return List.of();
            }
            StringBuilder text = new StringBuilder(chunks.getFirst().title());
            for (Chunk chunk : chunks) {
                if (text.length() > HybridIndex.MAX_QUERY_CHARS) {
                    break;
                }
                text.append('\n').append(chunk.section() == null ? "" : chunk.section() + "\n").append(chunk.text());
            }
            return search(text.toString(), filter, sourceId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Passage> search(String query, RetrievalFilter filter, String excludeSource) {
        HybridIndex current = requireIndex();
        try {
            List<Hit> hits = current.search(query, filter, SearchMode.HYBRID, filter.limit(), excludeSource);
            Set<String> terms = current.terms(HybridIndex.truncate(query));
            return hits.stream().map(hit -> snippets.passage(hit, terms, current)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HybridIndex requireIndex() {
        HybridIndex current = index;
        if (current == null || !ready) {
            throw new IndexNotReadyException();
        }
        return current;
    }

    /** Thrown while the index is still being built after start-up. */
    static final class IndexNotReadyException extends IllegalStateException {
        IndexNotReadyException() {
            super("The knowledge index is still being built");
        }
    }

    @Override
    public void destroy() throws IOException {
        writes.lock();
        try {
            ready = false;
            if (index != null) {
                index.close();
                index = null;
            }
        } finally {
            writes.unlock();
        }
    }
}
