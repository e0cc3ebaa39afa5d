package io.agentcoach.knowledge.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import io.agentcoach.knowledge.retrieval.Chunk;
import io.agentcoach.knowledge.retrieval.Embedder;
import io.agentcoach.knowledge.retrieval.Hit;
import io.agentcoach.knowledge.retrieval.HybridIndex;
import io.agentcoach.knowledge.retrieval.MarkdownChunker;
import io.agentcoach.knowledge.retrieval.SearchMode;
import io.agentcoach.knowledge.retrieval.SourceText;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Indexes a {@link BeirDataset} with the server's chunker and {@link HybridIndex}, runs every
 * judged query in each {@link SearchMode} and averages nDCG@10, Recall@100 and MRR@10. A document
 * split into several chunks ranks at the position of its best chunk.
 */
public final class RetrievalEvaluation {

    static final int DEPTH = 100;

    private final Embedder embedder;
    private final int chunkWords;
    private final boolean bySection;

    public RetrievalEvaluation(Embedder embedder, int chunkWords) {
        this(embedder, chunkWords, false);
    }

    /**
     * @param bySection judge sections ({@code <source id>#<section anchor>}) instead of whole
     *     documents, as for the curriculum question set
     */
    public RetrievalEvaluation(Embedder embedder, int chunkWords, boolean bySection) {
        this.embedder = embedder;
        this.chunkWords = chunkWords;
        this.bySection = bySection;
    }

    /** Mean scores of one mode. */
    public record Scores(double ndcg10, double recall100, double mrr10, double recall5) {
    }

    /**
     * @param scores mean scores by mode
     * @param queries number of judged queries
     * @param chunks chunks indexed
     * @param indexSeconds time to chunk, embed and index the corpus
     * @param seconds total time
     */
    public record Report(Map<SearchMode, Scores> scores, int queries, int chunks, double indexSeconds, double seconds) {

        public String table() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s %9s %11s %8s %9s%n", "mode", "nDCG@10",
                    "Recall@100", "MRR@10", "Recall@5"));
            scores.forEach((mode, s) -> b.append(String.format(Locale.ROOT, "%-8s %9.4f %11.4f %8.4f %9.4f%n",
                    mode.name().toLowerCase(Locale.ROOT), s.ndcg10(), s.recall100(), s.mrr10(), s.recall5())));
            return b.append(String.format(Locale.ROOT, "%d queries, %d chunks, indexing %.1f s, total %.1f s",
                    queries, chunks, indexSeconds, seconds)).toString();
        }

        public String json() {
            StringBuilder b = new StringBuilder("{");
            scores.forEach((mode, s) -> b.append(String.format(Locale.ROOT,
                    "\"%s\":{\"ndcg@10\":%.4f,\"recall@100\":%.4f,\"mrr@10\":%.4f,\"recall@5\":%.4f},",
                    mode.name().toLowerCase(Locale.ROOT), s.ndcg10(), s.recall100(), s.mrr10(), s.recall5())));
            return b.append(String.format(Locale.ROOT, "\"seconds\":%.3f}", seconds)).toString();
        }
    }

    public Report run(BeirDataset data) throws IOException {
        long start = System.nanoTime();
        MarkdownChunker chunker = new MarkdownChunker(chunkWords);
        RetrievalFilter everything = RetrievalFilter.forOrganization(null, 1);
        try (HybridIndex index = new HybridIndex(new ByteBuffersDirectory(), embedder)) {
            Map<SourceText, List<Chunk>> batch = new LinkedHashMap<>();
            int chunks = 0;
            for (BeirDataset.Document doc : data.corpus()) {
                SourceText source = new SourceText(doc.id(), doc.title(), null, SourceType.DOCUMENT, null, List.of(), doc.text());
                List<Chunk> pieces = chunker.chunk(source);
                batch.put(source, pieces);
                chunks += pieces.size();
                if (batch.size() == 1_024) {
                    index.replace(batch);
                    batch.clear();
                }
            }
            index.replace(batch);
            index.commit();
            double indexSeconds = (System.nanoTime() - start) / 1e9;

            List<String> ids = new ArrayList<>(data.queries().keySet());
            List<float[]> vectors = embedder.embed(ids.stream().map(id -> HybridIndex.truncate(data.queries().get(id))).toList());
            Map<SearchMode, Scores> scores = new EnumMap<>(SearchMode.class);
            for (SearchMode mode : SearchMode.values()) {
                double[][] perQuery = new double[ids.size()][];
                java.util.stream.IntStream.range(0, ids.size()).parallel().forEach(i -> {
                    String id = ids.get(i);
                    List<String> ranking = rankDocuments(index, data.queries().get(id), vectors.get(i), everything, mode, id,
                            bySection);
                    Map<String, Integer> judged = data.qrels().get(id);
                    perQuery[i] = new double[] {RankingMetrics.ndcg(ranking, judged, 10),
                            RankingMetrics.recall(ranking, judged, 100), RankingMetrics.reciprocalRank(ranking, judged, 10),
                            RankingMetrics.recall(ranking, judged, 5)};
                });
                scores.put(mode, new Scores(mean(perQuery, 0), mean(perQuery, 1), mean(perQuery, 2), mean(perQuery, 3)));
            }
            return new Report(scores, ids.size(), chunks, indexSeconds, (System.nanoTime() - start) / 1e9);
        }
    }

    private static List<String> rankDocuments(HybridIndex index, String query, float[] vector, RetrievalFilter filter,
            SearchMode mode, String queryId, boolean bySection) {
        try {
            Set<String> documents = new LinkedHashSet<>();
            for (Hit hit : index.search(query, vector, filter, mode, DEPTH * 3 / 2)) {
                // as BEIR does, a document never counts as an answer to the query with its own id
                if (!hit.chunk().sourceId().equals(queryId)) {
                    documents.add(bySection ? hit.chunk().sourceId() + "#" + hit.chunk().sectionAnchor()
                            : hit.chunk().sourceId());
                }
            }
            return documents.stream().limit(DEPTH).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mean(double[][] rows, int column) {
        double sum = 0;
        for (double[] row : rows) {
            sum += row[column];
        }
        return rows.length == 0 ? 0 : sum / rows.length;
    }
}
