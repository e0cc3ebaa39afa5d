package io.agentcoach.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * all-MiniLM-L6-v2 run in-process with ONNX Runtime from the model files LangChain4j ships in its
 * jars (no network). Texts are batched (sorted by length so padding stays small), truncated to
 * the 256 tokens the model was trained on, mean-pooled and normalized, as sentence-transformers
 * does. Batches run on {@code parallelism} threads, each with a single-threaded ONNX session
 * pool, so a bulk job keeps every core busy without oversubscribing them.
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
    private static final int DIMENSIONS = 384;
    private static final int BATCH = 32;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService workers;
    private final int parallelism;
    private final boolean typeIds;

    public MiniLmEmbedder(Variant variant, int parallelism) {
        this.parallelism = Math.max(1, parallelism);
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
        this.workers = Executors.newFixedThreadPool(this.parallelism, Thread.ofPlatform().daemon().name("embedder-", 0).factory());
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
        if (texts.size() <= BATCH) {
            return Arrays.asList(embedBatch(texts));
        }
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        List<Future<float[][]>> futures = new ArrayList<>();
        for (int start = 0; start < order.length; start += BATCH) {
            List<String> batch = new ArrayList<>(BATCH);
            for (int i = start; i < Math.min(order.length, start + BATCH); i++) {
                batch.add(texts.get(order[i]));
            }
            futures.add(workers.submit(() -> embedBatch(batch)));
        }
        float[][] vectors = new float[texts.size()][];
        try {
            int position = 0;
            for (Future<float[][]> future : futures) {
                for (float[] vector : future.get()) {
                    vectors[order[position++]] = vector;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Embedding failed", e.getCause());
        }
        return Arrays.asList(vectors);
    }

    private float[][] embedBatch(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int length = 1;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        long[][] ids = new long[encodings.length][length];
        long[][] mask = new long[encodings.length][length];
        long[][] types = new long[encodings.length][length];
        for (int i = 0; i < encodings.length; i++) {
            long[] tokenIds = encodings[i].getIds();
            System.arraycopy(tokenIds, 0, ids[i], 0, tokenIds.length);
            Arrays.fill(mask[i], 0, tokenIds.length, 1L);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] tokens = (float[][][]) result.get(0).getValue();
                return meanPoolAndNormalize(tokens, mask);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[][] meanPoolAndNormalize(float[][][] tokens, long[][] mask) {
        float[][] out = new float[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            float[] sum = new float[tokens[i][0].length];
            int count = 0;
            for (int t = 0; t < tokens[i].length; t++) {
                if (mask[i][t] == 1) {
                    count++;
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += tokens[i][t][d];
                    }
                }
            }
            double norm = 0;
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= Math.max(1, count);
                norm += sum[d] * sum[d];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < sum.length; d++) {
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
