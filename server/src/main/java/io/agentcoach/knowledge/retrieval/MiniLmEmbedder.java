package io.agentcoach.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * all-MiniLM-L6-v2 run in-process with ONNX Runtime from the model files LangChain4j ships in its
 * jars (no network). Texts are tokenized, sorted by token count and cut into batches of at most
 * {@link #BATCH_TOKENS} padded tokens, truncated to the 256 tokens the model was trained on,
 * mean-pooled and normalized, as sentence-transformers does. Batches run on {@code parallelism}
 * threads, each session call single-threaded, so a bulk job keeps every core busy without
 * oversubscribing them.
 *
 * <p>Why small batches: most of the model's time outside the int8 matrix products goes to
 * element-wise float operations (GELU, softmax, layer norm, residual adds, transposes) whose
 * tensors grow with the batch; a batch of 32 chunks of ~125 tokens makes a 24 MB GELU tensor,
 * far beyond a core's 2 MB L2 cache, while a batch of about 384 tokens keeps them near it (budgets of 250-375 tokens measured alike). On
 * the benchmark's ~100-word chunks that made embedding 1.7-1.9 times cheaper per CPU-second
 * than batches of 32 texts (docs/benchmarks.md); a token budget rather than a text count keeps
 * short texts (titles, queries) batched together.
 */
public final class MiniLmEmbedder implements Embedder {

    /** Which packaging of the model to load. */
    public enum Variant {
        /** Full precision (90 MB). */
        FULL("/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json"),
        /** 8-bit quantized (23 MB), faster on CPU. */
        QUANTIZED("/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json");

        final String model;
        final String tokenizer;

        Variant(String model, String tokenizer) {
            this.model = model;
            this.tokenizer = tokenizer;
        }
    }

    public static final int MAX_TOKENS = 256;
    /** Padded tokens per model call (at least one text per call); see the class comment. */
    public static final int BATCH_TOKENS = 384;
    private static final int DIMENSIONS = 384;
    /** Texts tokenized per task when a large job is tokenized on the workers. */
    private static final int TOKENIZE_SLICE = 256;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService workers;
    private final int batchTokens;
    private final boolean typeIds;

    public MiniLmEmbedder(Variant variant, int parallelism) {
        this(variant, parallelism, BATCH_TOKENS);
    }

    /** With another batch budget: the benchmark compares it with the default in one run. */
    public MiniLmEmbedder(Variant variant, int parallelism, int batchTokens) {
        this.batchTokens = Math.max(1, batchTokens);
        try (InputStream model = resource(variant.model); InputStream vocabulary = resource(variant.tokenizer)) {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(model.readAllBytes(), options);
            this.tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
                    Map.of("truncation", "true", "maxLength", String.valueOf(MAX_TOKENS), "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.workers = Executors.newFixedThreadPool(Math.max(1, parallelism),
                Thread.ofPlatform().daemon().name("embedder-", 0).factory());
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Embedding model resource " + name + " is not on the class path");
        }
        return in;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        long[][] ids = tokenize(texts);
        if (texts.size() == 1) {
            return List.of(embedBatch(ids)[0]);
        }
        Integer[] order = new Integer[ids.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        List<int[]> ranges = new ArrayList<>();
        for (int start = 0; start < order.length; ) {
            int end = start + 1;
            // sorted by length, so the text added last sets the padded length
            while (end < order.length && (long) (end + 1 - start) * ids[order[end]].length <= batchTokens) {
                end++;
            }
            ranges.add(new int[] {start, end});
            start = end;
        }
        List<float[][]> batches = inParallel(ranges, range -> {
            long[][] batch = new long[range[1] - range[0]][];
            for (int i = range[0]; i < range[1]; i++) {
                batch[i - range[0]] = ids[order[i]];
            }
            return embedBatch(batch);
        });
        float[][] vectors = new float[texts.size()][];
        int position = 0;
        for (float[][] batch : batches) {
            for (float[] vector : batch) {
                vectors[order[position++]] = vector;
            }
        }
        return Arrays.asList(vectors);
    }

    /** Token ids per text; a large job is tokenized in slices on the workers. */
    private long[][] tokenize(List<String> texts) {
        List<List<String>> slices = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += TOKENIZE_SLICE) {
            slices.add(texts.subList(start, Math.min(texts.size(), start + TOKENIZE_SLICE)));
        }
        List<Encoding[]> encoded = slices.size() == 1 ? List.<Encoding[]>of(tokenizer.batchEncode(texts))
                : inParallel(slices, tokenizer::batchEncode);
        long[][] ids = new long[texts.size()][];
        int next = 0;
        for (Encoding[] slice : encoded) {
            for (Encoding encoding : slice) {
                ids[next++] = encoding.getIds();
            }
        }
        return ids;
    }

    private <T, R> List<R> inParallel(List<T> tasks, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>(tasks.size());
        for (T task : tasks) {
            futures.add(workers.submit(() -> work.apply(task)));
        }
        List<R> results = new ArrayList<>(tasks.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("Embedding failed", e.getCause());
        }
        return results;
    }

    /** One model call for texts of token ids (unpadded); returns their unit vectors. */
    private float[][] embedBatch(long[][] tokenIds) {
        int rows = tokenIds.length;
        int length = 1;
        for (long[] ids : tokenIds) {
            length = Math.max(length, ids.length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(tokenIds[i], 0, ids, i * length, tokenIds[i].length);
            Arrays.fill(mask, i * length, i * length + tokenIds[i].length, 1L);
        }
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return meanPoolAndNormalize(((OnnxTensor) result.get(0)).getFloatBuffer(), tokenIds, length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Mean of each text's token vectors (its padding left out), scaled to unit length; reads the
     * model's flat [texts, length, dimensions] output in place rather than as nested arrays.
     */
    private static float[][] meanPoolAndNormalize(FloatBuffer tokens, long[][] tokenIds, int length) {
        float[][] out = new float[tokenIds.length][];
        int dimensions = tokens.capacity() / (tokenIds.length * length);
        float[] row = new float[dimensions];
        for (int i = 0; i < tokenIds.length; i++) {
            float[] sum = new float[dimensions];
            int count = tokenIds[i].length;
            for (int t = 0; t < count; t++) {
                tokens.get((i * length + t) * dimensions, row);
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += row[d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dimensions; d++) {
                sum[d] /= Math.max(1, count);
                norm += sum[d] * sum[d];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimensions; d++) {
                sum[d] *= scale;
            }
            out[i] = sum;
        }
        return out;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
