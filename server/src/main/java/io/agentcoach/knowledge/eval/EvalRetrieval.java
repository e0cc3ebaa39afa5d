package io.agentcoach.knowledge.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.agentcoach.knowledge.retrieval.MiniLmEmbedder;

/**
 * {@code bench/eval-retrieval DATASET_DIR [--split test] [--model full|quantized] [--chunk-words N]}:
 * evaluates knowledge search on a BEIR-layout data set, or on a curriculum directory with its
 * question set ({@code content/}: judged per lesson section), and prints a table, then one JSON line.
 */
public final class EvalRetrieval {

    private EvalRetrieval() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: eval-retrieval DATASET_DIR [--split test] [--model full|quantized] [--chunk-words N]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String split = "test";
        MiniLmEmbedder.Variant variant = MiniLmEmbedder.Variant.QUANTIZED;
        int chunkWords = 200;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--split" -> split = args[i + 1];
                case "--model" -> variant = MiniLmEmbedder.Variant.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
                case "--chunk-words" -> chunkWords = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        boolean curriculum = CurriculumQuestions.isCurriculum(dir);
        if (!curriculum && !Files.isRegularFile(dir.resolve("corpus.jsonl"))) {
            System.err.println(dir + " has neither corpus.jsonl (BEIR layout) nor " + CurriculumQuestions.FILE
                    + " (a curriculum)");
            System.exit(2);
        }
        BeirDataset data = curriculum ? CurriculumQuestions.load(dir) : BeirDataset.load(dir, split);
        System.out.printf(Locale.ROOT, "%s (%s split): %d documents, %d judged queries; model %s, chunks of at most %d words%n",
                dir.getFileName(), split, data.corpus().size(), data.queries().size(),
                variant.name().toLowerCase(Locale.ROOT), chunkWords);
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(variant, Runtime.getRuntime().availableProcessors())) {
            RetrievalEvaluation.Report report = new RetrievalEvaluation(embedder, chunkWords, curriculum).run(data);
            System.out.println(report.table());
            System.out.println(report.json());
        }
    }
}
