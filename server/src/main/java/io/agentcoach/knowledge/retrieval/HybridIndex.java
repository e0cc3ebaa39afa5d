package io.agentcoach.knowledge.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index behind knowledge search: one document per chunk with a BM25 text field
 * (English stemming) and an HNSW vector field, searched lexically, densely or both fused by
 * {@link ReciprocalRankFusion}. Every search carries the tenant filter: the public curriculum plus
 * the one organization asked for. Thread-safe.
 */
public final class HybridIndex implements Closeable {

    /** The organization value of public curriculum chunks. */
    static final String PUBLIC = "public";
    /** Queries are cut to this many characters; the model reads at most 256 tokens anyway. */
    public static final int MAX_QUERY_CHARS = 2_000;
    private static final int MAX_QUERY_TERMS = 256;
    /** How deep each ranking goes before fusion. */
    static final int CANDIDATES = 100;
    /** Query vectors kept for repeated questions: embedding one costs more than searching with it. */
    private static final int CACHED_QUERY_VECTORS = 1_024;

    private static final String ID = "id";
    private static final String SOURCE = "source";
    private static final String VERSION = "version";
    private static final String ORG = "org";
    private static final String TYPE = "type";
    private static final String TRACK = "track";
    private static final String SKILL = "skill";
    private static final String TITLE = "title";
    private static final String SECTION = "section";
    private static final String ANCHOR = "anchor";
    private static final String ORDINAL = "ordinal";
    private static final String TEXT = "text";
    private static final String CONTENTS = "contents";
    private static final String VECTOR = "vector";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;
    private final Map<String, float[]> queryVectors = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_QUERY_VECTORS;
        }
    };

    public HybridIndex(Directory directory, Embedder embedder) throws IOException {
        this.directory = directory;
        this.embedder = embedder;
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        this.searchers = new SearcherManager(writer, null);
        try {
            // reading every segment once surfaces corruption now rather than at the first search
            withSearcher(searcher -> searcher.count(new MatchAllDocsQuery()));
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * Opens the index in {@code path}, or creates it; an index that cannot be opened (corrupt,
     * partly written, from another version) is deleted and created empty, to be rebuilt by the caller.
     */
    public static HybridIndex openOrRecreate(Path path, Embedder embedder, System.Logger log) throws IOException {
        Files.createDirectories(path);
        try {
            return new HybridIndex(FSDirectory.open(path), embedder);
        } catch (LockObtainFailedException e) {
            throw e; // another process or context owns this index: never delete it under them
        } catch (IOException | RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "Search index at " + path + " cannot be opened (" + e + "); rebuilding it");
            deleteContents(path);
            return new HybridIndex(FSDirectory.open(path), embedder);
        }
    }

    private static void deleteContents(Path path) throws IOException {
        try (var files = Files.list(path)) {
            for (Path file : files.toList()) {
                if (Files.isDirectory(file)) {
                    deleteContents(file);
                }
                Files.delete(file);
            }
        }
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Replaces all chunks of the sources in {@code chunksBySource} (embedding them in one batch). */
    public void replace(Map<SourceText, List<Chunk>> chunksBySource) throws IOException {
        List<Chunk> all = chunksBySource.values().stream().flatMap(List::stream).toList();
        replace(chunksBySource, embedder.embed(all.stream().map(Chunk::indexedText).toList()));
    }

    /** As {@link #replace(Map)} with the chunks' unit vectors given, in iteration order (benchmarks). */
    public void replace(Map<SourceText, List<Chunk>> chunksBySource, List<float[]> vectors) throws IOException {
        int next = 0;
        for (Map.Entry<SourceText, List<Chunk>> entry : chunksBySource.entrySet()) {
            List<Document> documents = new ArrayList<>(entry.getValue().size());
            for (Chunk chunk : entry.getValue()) {
                documents.add(document(chunk, entry.getKey().version(), vectors.get(next++)));
            }
            writer.updateDocuments(new Term(SOURCE, entry.getKey().sourceId()), documents);
        }
    }

    public void delete(String sourceId) throws IOException {
        writer.deleteDocuments(new Term(SOURCE, sourceId));
    }

    /** Makes changes durable and visible to searches. */
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes changes visible to searches without an fsync. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** The version stamp of every indexed source, by source id. */
    public Map<String, String> versions() throws IOException {
        return withSearcher(searcher -> {
            Map<String, String> versions = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues sources = leaf.reader().getSortedDocValues(SOURCE);
                SortedDocValues stamps = leaf.reader().getSortedDocValues(VERSION);
                Bits live = leaf.reader().getLiveDocs();
                if (sources == null || stamps == null) {
                    continue;
                }
                for (int doc = sources.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = sources.nextDoc()) {
                    if ((live == null || live.get(doc)) && stamps.advanceExact(doc)) {
                        versions.put(sources.lookupOrd(sources.ordValue()).utf8ToString(),
                                stamps.lookupOrd(stamps.ordValue()).utf8ToString());
                    }
                }
            }
            return versions;
        });
    }

    public int size() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Segments in the searched view now: each is searched on its own, its HNSW graph included. */
    public int segments() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** The chunks of one source visible under {@code filter}, in order. */
    public List<Chunk> chunksOf(String sourceId, RetrievalFilter filter) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SOURCE, sourceId)), Occur.FILTER)
                .add(filterQuery(filter, null), Occur.FILTER).build();
        return withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<Chunk> chunks = new ArrayList<>();
            for (ScoreDoc scoreDoc : searcher.search(query, 1_000).scoreDocs) {
                chunks.add(chunk(stored.document(scoreDoc.doc)));
            }
            chunks.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
            return chunks;
        });
    }

    /**
     * The {@code k} best chunks for {@code query} under {@code filter} (its limit is ignored);
     * {@code excludeSource} (or {@code null}) is left out.
     */
    public List<Hit> search(String query, RetrievalFilter filter, SearchMode mode, int k, String excludeSource)
            throws IOException {
        String text = truncate(query);
        float[] vector = mode == SearchMode.LEXICAL ? null : queryVector(text);
        return search(text, vector, filterQuery(filter, excludeSource), mode, k);
    }

    /** Embedded outside the lock, so concurrent searches embed in parallel (a rare duplicate is harmless). */
    private float[] queryVector(String text) {
        synchronized (queryVectors) {
            float[] cached = queryVectors.get(text);
            if (cached != null) {
                return cached;
            }
        }
        float[] vector = embedder.embed(text);
        synchronized (queryVectors) {
            queryVectors.put(text, vector);
        }
        return vector;
    }

    /** As above with a query vector computed elsewhere (evaluation and benchmarks embed queries in bulk). */
    public List<Hit> search(String query, float[] queryVector, RetrievalFilter filter, SearchMode mode, int k)
            throws IOException {
        return search(truncate(query), queryVector, filterQuery(filter, null), mode, k);
    }

    /**
     * Both legs rank Lucene doc ids (valid within the one searcher held here) and only the
     * {@code k} chunks that survive fusion are read from stored fields: reading all
     * {@link #CANDIDATES} of each leg decompressed up to 200 stored documents per query to keep 10.
     */
    private List<Hit> search(String text, float[] vector, Query filterQuery, SearchMode mode, int k) throws IOException {
        return withSearcher(searcher -> switch (mode) {
            case LEXICAL -> toHits(searcher, lexical(searcher, text, filterQuery, k));
            case DENSE -> toHits(searcher, dense(searcher, vector, filterQuery, k));
            case HYBRID -> {
                int depth = Math.max(k, CANDIDATES);
                List<List<ScoreDoc>> rankings = List.of(lexical(searcher, text, filterQuery, depth),
                        dense(searcher, vector, filterQuery, depth));
                List<ScoreDoc> fused = ReciprocalRankFusion.fuse(rankings, scoreDoc -> scoreDoc.doc, k).stream()
                        .map(s -> new ScoreDoc(s.item().doc, (float) s.score())).toList();
                yield toHits(searcher, fused);
            }
        });
    }

    public static String truncate(String query) {
        String stripped = query.strip();
        if (stripped.length() <= MAX_QUERY_CHARS) {
            return stripped;
        }
        int end = MAX_QUERY_CHARS;
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end);
    }

    /** The analyzed (lower-cased, stemmed) terms of {@code text}, in order, without repeats. */
    public Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(CONTENTS, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Start and end offsets in {@code text} of the words whose analyzed form is one of {@code terms}. */
    public List<int[]> matches(String text, Set<String> terms) {
        List<int[]> offsets = new ArrayList<>();
        if (terms.isEmpty()) {
            return offsets;
        }
        try (TokenStream tokens = analyzer.tokenStream(CONTENTS, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (terms.contains(term.toString())) {
                    offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offsets;
    }

    private List<ScoreDoc> lexical(IndexSearcher searcher, String query, Query filter, int k) throws IOException {
        Set<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String term : terms) {
            any.add(new TermQuery(new Term(CONTENTS, term)), Occur.SHOULD);
        }
        Query scored = new BooleanQuery.Builder().add(any.build(), Occur.MUST).add(filter, Occur.FILTER).build();
        return Arrays.asList(searcher.search(scored, k).scoreDocs);
    }

    private List<ScoreDoc> dense(IndexSearcher searcher, float[] vector, Query filter, int k) throws IOException {
        return Arrays.asList(searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k).scoreDocs);
    }

    private static Query filterQuery(RetrievalFilter filter, String excludeSource) {
        BooleanQuery.Builder tenant = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ORG, PUBLIC)), Occur.SHOULD);
        if (filter.organizationId() != null) {
            tenant.add(new TermQuery(new Term(ORG, filter.organizationId().toString())), Occur.SHOULD);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(tenant.build(), Occur.FILTER);
        if (filter.sourceType() != null) {
            all.add(new TermQuery(new Term(TYPE, filter.sourceType().name())), Occur.FILTER);
        }
        if (filter.track() != null) {
            all.add(new TermQuery(new Term(TRACK, filter.track())), Occur.FILTER);
        }
        if (filter.skill() != null) {
            all.add(new TermQuery(new Term(SKILL, filter.skill())), Occur.FILTER);
        }
        if (excludeSource != null) {
            all.add(new MatchAllDocsQuery(), Occur.FILTER).add(new TermQuery(new Term(SOURCE, excludeSource)), Occur.MUST_NOT);
        }
        return all.build();
    }

    private static Document document(Chunk chunk, String version, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new StringField(SOURCE, chunk.sourceId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SOURCE, new BytesRef(chunk.sourceId())));
        doc.add(new SortedDocValuesField(VERSION, new BytesRef(version)));
        doc.add(new StringField(ORG, chunk.organizationId() == null ? PUBLIC : chunk.organizationId().toString(), Field.Store.YES));
        doc.add(new StringField(TYPE, chunk.sourceType().name(), Field.Store.YES));
        if (chunk.track() != null) {
            doc.add(new StringField(TRACK, chunk.track(), Field.Store.YES));
        }
        for (String skill : chunk.skills()) {
            doc.add(new StringField(SKILL, skill, Field.Store.YES));
        }
        doc.add(new StoredField(TITLE, chunk.title()));
        if (chunk.section() != null) {
            doc.add(new StoredField(SECTION, chunk.section()));
            doc.add(new StoredField(ANCHOR, chunk.sectionAnchor()));
        }
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new TextField(CONTENTS, chunk.indexedText(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    private static List<Hit> toHits(IndexSearcher searcher, List<ScoreDoc> ranked) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(ranked.size());
        for (ScoreDoc scoreDoc : ranked) {
            hits.add(new Hit(chunk(stored.document(scoreDoc.doc)), scoreDoc.score));
        }
        return hits;
    }

    private static Chunk chunk(Document doc) {
        String org = doc.get(ORG);
        return new Chunk(doc.get(SOURCE), doc.getField(ORDINAL).numericValue().intValue(), doc.get(TITLE),
                doc.get(SECTION), doc.get(ANCHOR), PUBLIC.equals(org) ? null : UUID.fromString(org),
                SourceType.valueOf(doc.get(TYPE)), doc.get(TRACK), Arrays.asList(doc.getValues(SKILL)), doc.get(TEXT));
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Bytes the index takes on disk now. */
    public long diskBytes() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
            directory.close();
        }
    }
}
