import java.lang.management.ManagementFactory;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The harness of bench/embedding-ceiling (run as a source file with ONNX Runtime on the class
 * path). {@code optimize FLOAT OUT} writes the full-precision model after ONNX Runtime's online
 * optimizer; {@code run DIR} compares, in the same JVM and interleaved, the shipped quantized
 * model, the fused export and the int8-products-only model that models.py built: agreement of the
 * mean-pooled vectors with the full-precision model, then chunks per CPU-second, the way the
 * server runs them (two workers, one ONNX thread each, three chunks of ~125 tokens per call).
 */
public class EmbeddingCeiling {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final int PER_CALL = 3, HIDDEN = 384;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("optimize")) {
            var options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            options.setOptimizedModelFilePath(args[2]);
            ENV.createSession(args[1], options).close();
            return;
        }
        if (args.length != 3 || !args[0].equals("run")) {
            throw new IllegalArgumentException("usage: EmbeddingCeiling optimize FLOAT_MODEL OUT | run DIR CHUNKS");
        }
        String dir = args[1];
        int chunks = Integer.parseInt(args[2]);
        long[][][] calls = calls(chunks);
        Map<String, OrtSession> models = new LinkedHashMap<>();
        for (String name : List.of("shipped-quantized", "fused", "gemm-only")) {
            models.put(name, open(dir + "/" + name + ".onnx"));
        }
        try (OrtSession full = open(dir + "/full-precision.onnx")) {
            for (String name : List.of("shipped-quantized", "fused")) {
                double sum = 0, min = 1;
                int n = 0;
                for (int i = 0; i < 30; i++) {
                    float[][] a = embed(full, calls[i]), b = embed(models.get(name), calls[i]);
                    for (int k = 0; k < a.length; k++) {
                        double c = cosine(a[k], b[k]);
                        sum += c;
                        min = Math.min(min, c);
                        n++;
                    }
                }
                System.out.printf("agreement with full precision  %-18s mean cosine %.4f, min %.4f (%d chunks)%n", name, sum / n, min, n);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, double[]> spent = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (var model : models.entrySet()) {
                long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
                Thread[] workers = new Thread[2];
                for (int w = 0; w < 2; w++) {
                    int first = w;
                    workers[w] = Thread.ofPlatform().start(() -> {
                        for (int c = first; c < calls.length; c += 2) {
                            embed(model.getValue(), calls[c]);
                        }
                    });
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                double[] s = spent.computeIfAbsent(model.getKey(), k -> new double[2]);
                s[0] += (os.getProcessCpuTime() - cpu) / 1e9;
                s[1] += (System.nanoTime() - wall) / 1e9;
            }
        }
        double shipped = 3.0 * calls.length * PER_CALL / spent.get("shipped-quantized")[0];
        for (var s : spent.entrySet()) {
            double perCpu = 3.0 * calls.length * PER_CALL / s.getValue()[0];
            System.out.printf("%-18s %6.1f chunks per CPU-second = %5.0f on 2 idle cores  %.2fx shipped  (%.1f chunks/s wall)%n",
                    s.getKey(), perCpu, 2 * perCpu, perCpu / shipped, 3.0 * calls.length * PER_CALL / s.getValue()[1]);
        }
    }

    /** Calls of three texts of 115-134 word pieces ([CLS] ... [SEP]), drawn from the vocabulary. */
    private static long[][][] calls(int chunks) {
        var random = new Random(7);
        long[][][] calls = new long[Math.max(30, chunks / PER_CALL)][][];
        for (int c = 0; c < calls.length; c++) {
            int length = 115 + random.nextInt(20);
            calls[c] = new long[PER_CALL][length];
            for (long[] text : calls[c]) {
                int own = length - random.nextInt(5);
                text[0] = 101;
                for (int j = 1; j < own - 1; j++) {
                    text[j] = 1996 + random.nextInt(28000);
                }
                text[own - 1] = 102;
            }
        }
        return calls;
    }

    private static OrtSession open(String file) throws OrtException {
        var options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(1);
        return ENV.createSession(file, options);
    }

    /** Mean-pooled vectors over the attended tokens, as the server pools them. */
    private static float[][] embed(OrtSession session, long[][] texts) {
        int b = texts.length, n = texts[0].length;
        long[] ids = new long[b * n], mask = new long[b * n], types = new long[b * n];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < n; j++) {
                ids[i * n + j] = texts[i][j];
                mask[i * n + j] = texts[i][j] == 0 ? 0 : 1;
            }
        }
        long[] shape = {b, n};
        try (var a = OnnxTensor.createTensor(ENV, LongBuffer.wrap(ids), shape);
             var m = OnnxTensor.createTensor(ENV, LongBuffer.wrap(mask), shape);
             var t = OnnxTensor.createTensor(ENV, LongBuffer.wrap(types), shape);
             var result = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", t))) {
            var out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[][] pooled = new float[b][HIDDEN];
            for (int i = 0; i < b; i++) {
                int tokens = 0;
                for (int j = 0; j < n; j++) {
                    if (mask[i * n + j] == 1) {
                        tokens++;
                        for (int k = 0; k < HIDDEN; k++) {
                            pooled[i][k] += out.get((i * n + j) * HIDDEN + k);
                        }
                    }
                }
                for (int k = 0; k < HIDDEN; k++) {
                    pooled[i][k] /= tokens;
                }
            }
            return pooled;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double cosine(float[] x, float[] y) {
        double dot = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return dot / Math.sqrt(xx * yy);
    }
}
