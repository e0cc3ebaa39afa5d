package io.agentcoach.knowledge.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import io.agentcoach.knowledge.retrieval.Chunk;
import io.agentcoach.knowledge.retrieval.Embedder;
import io.agentcoach.knowledge.retrieval.HybridIndex;
import io.agentcoach.knowledge.retrieval.MarkdownChunker;
import io.agentcoach.knowledge.retrieval.MiniLmEmbedder;
import io.agentcoach.knowledge.retrieval.SearchMode;
import io.agentcoach.knowledge.retrieval.SourceText;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code bench/knowledge-perf [CHUNKS] [EMBED_CHUNKS] [CLIENTS]}: embedding and indexing throughput
 * of ~100-word chunks for both model variants, then search latency with concurrent clients on an
 * index of CHUNKS synthetic chunks (random unit vectors, so building it needs no embedding), with
 * lexical-only search in the same run as the baseline, and the index's heap and disk footprint.
 */
public final class KnowledgeBenchmark {

    private static final String[] WORDS = ("agent tool model prompt memory retrieval vector index search chunk embedding "
            + "planner executor schema function call error retry timeout budget token context window evaluation metric "
            + "guardrail policy user request response stream cache latency throughput queue worker sandbox test grade "
            + "skill lesson exercise hint coach feedback mastery path graph node edge state transition reward trace span "
            + "log alert deploy release version config secret key rotate audit tenant organization document section "
            + "heading anchor citation snippet rank fusion lexical dense hybrid score recall precision ndcg query answer "
            + "the a of to and in is for on with as by that this be are from at or an it not can will each when which")
            .split(" ");

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int embedChunks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "cores %d, index of %d chunks, %d chunks embedded per model, %d clients%n",
                cores, chunks, embedChunks, clients);

        Random random = new Random(42);
        for (MiniLmEmbedder.Variant variant : MiniLmEmbedder.Variant.values()) {
            try (MiniLmEmbedder embedder = new MiniLmEmbedder(variant, cores)) {
                embedder.embed(List.of(text(random, 100))); // load and warm up
                Path dir = Files.createTempDirectory("knowledge-throughput");
                try (HybridIndex index = new HybridIndex(FSDirectory.open(dir), embedder)) {
                    long start = System.nanoTime();
                    long cpuStart = processCpuNanos();
                    index.replace(sources(random, embedChunks, 0));
                    index.commit();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                    // on a shared machine wall time depends on the neighbours; CPU time does not, and
                    // chunks per CPU-second times the cores is what idle cores would reach
                    System.out.printf(Locale.ROOT, "throughput %-9s %7.1f chunks/s wall, %6.1f chunks per CPU-second = %.0f chunks/s on %d idle cores "
                            + "(%d chunks of 100 words in %.1f s, %.1f CPU-s)%n", variant.name().toLowerCase(Locale.ROOT),
                            embedChunks / seconds, embedChunks / cpuSeconds, embedChunks / cpuSeconds * cores, cores,
                            embedChunks, seconds, cpuSeconds);
                } finally {
                    delete(dir);
                }
            }
        }

        try (MiniLmEmbedder embedder = new MiniLmEmbedder(MiniLmEmbedder.Variant.QUANTIZED, cores)) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            Path dir = Files.createTempDirectory("knowledge-search");
            try (HybridIndex index = new HybridIndex(FSDirectory.open(dir), embedder)) {
                long start = System.nanoTime();
                for (int done = 0; done < chunks; done += 5_000) {
                    Map<SourceText, List<Chunk>> batch = sources(random, Math.min(5_000, chunks - done), done);
                    List<float[]> vectors = new ArrayList<>();
                    batch.values().forEach(list -> list.forEach(c -> vectors.add(randomUnit(random, embedder.dimensions()))));
                    index.replace(batch, vectors);
                }
                index.commit();
                System.out.printf(Locale.ROOT, "built %d-chunk index (random vectors) in %.1f s%n", index.size(),
                        (System.nanoTime() - start) / 1e9);
                System.gc();
                long heapAfter = memory.getHeapMemoryUsage().getUsed();
                long disk = index.diskBytes();
                double per100k = 100_000.0 / chunks;
                // Lucene keeps postings, vectors and the HNSW graph in memory-mapped files (page
                // cache, outside the heap); the heap figure is what the open index holds besides
                System.out.printf(Locale.ROOT, "disk %.1f MB per 100k chunks; heap held by the open index %.1f MB per 100k chunks%n",
                        disk * per100k / 1e6, (heapAfter - heapBefore) * per100k / 1e6);

                List<String> queries = new ArrayList<>();
                List<float[]> vectors = new ArrayList<>();
                for (int i = 0; i < 512; i++) {
                    queries.add(text(random, 3 + random.nextInt(6)));
                    vectors.add(randomUnit(random, embedder.dimensions()));
                }
                UUID org = UUID.randomUUID();
                for (SearchMode mode : List.of(SearchMode.LEXICAL, SearchMode.DENSE, SearchMode.HYBRID)) {
                    latency(index, queries, vectors, org, mode, clients, 20); // warm-up
                    double[] ms = latency(index, queries, vectors, org, mode, clients, 3_000);
                    System.out.printf(Locale.ROOT, "search %-8s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (%d clients, %d queries, vectors precomputed)%n",
                            mode.name().toLowerCase(Locale.ROOT), ms[0], ms[1], ms[2], clients, 3_000);
                }
                long start2 = System.nanoTime();
                int n = 200;
                for (int i = 0; i < n; i++) {
                    embedder.embed(queries.get(i));
                }
                System.out.printf(Locale.ROOT, "query embedding %.2f ms each (one at a time, quantized model)%n",
                        (System.nanoTime() - start2) / 1e6 / n);
            } finally {
                delete(dir);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double[] latency(HybridIndex index, List<String> queries, List<float[]> vectors, UUID org,
            SearchMode mode, int clients, int total) throws Exception {
        RetrievalFilter filter = RetrievalFilter.forOrganization(org, 10);
        double[] millis = new double[total];
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = client; i < total; i += clients) {
                        long t0 = System.nanoTime();
                        index.search(queries.get(i % queries.size()), vectors.get(i % vectors.size()), filter, mode, 10);
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[total / 2], millis[(int) (total * 0.95)], millis[(int) (total * 0.99)]};
    }

    private static Map<SourceText, List<Chunk>> sources(Random random, int count, int offset) {
        MarkdownChunker chunker = new MarkdownChunker(150);
        Map<SourceText, List<Chunk>> sources = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            UUID org = i % 4 == 0 ? UUID.randomUUID() : null;
            SourceText source = new SourceText("s" + (offset + i), "Synthetic " + (offset + i), org,
                    org == null ? SourceType.LESSON : SourceType.DOCUMENT, "track" + (i % 5), List.of("skill" + (i % 20)),
                    "# Section " + (i % 7) + "\n" + text(random, 100));
            sources.put(source, chunker.chunk(source));
        }
        return sources;
    }

    private static String text(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // skewed towards the front of the list, roughly like word frequencies
            int index = (int) (WORDS.length * Math.pow(random.nextDouble(), 2));
            b.append(i == 0 ? "" : " ").append(WORDS[index]);
        }
        return b.toString();
    }

    private static float[] randomUnit(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
