package io.agentcoach.mastery.tracing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/eval-kt TRAIN_FILE TEST_FILE}: fits every knowledge-tracing model on the train
 * file and scores its attempt-by-attempt predictions on the test file (each prediction sees only
 * the learner's earlier test attempts). Prints a line per model, then, as the last line, one JSON
 * object with AUC, RMSE and accuracy per model and the seconds taken. Both files are read
 * completely before anything is scored, so a malformed file prints its line and reason and no
 * result. Exit status: 0 done, 2 bad usage or bad file.
 *
 * <p>By default an answer logged once per skill (consecutive rows on one item with one outcome)
 * is predicted once, before any of its rows is seen, and scored on each row. With
 * {@code --rows-as-attempts} every row is its own attempt, the protocol under which the deep
 * models on these files are usually reported: it lets the second row see the first's outcome.
 */
public final class EvaluateKnowledgeTracing {

    private EvaluateKnowledgeTracing() {
    }

    /** The models the server can run, in report order. */
    public static List<KnowledgeTracer> tracers() {
        return List.of(new BayesianKnowledgeTracing(), new LogisticKnowledgeTracing(),
                new GradientBoostedKnowledgeTracing());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean rowsAsAttempts = args.length == 3 && args[0].equals("--rows-as-attempts");
        if (rowsAsAttempts) {
            args = new String[] {args[1], args[2]};
        }
        if (args.length != 2) {
            err.println("usage: eval-kt [--rows-as-attempts] TRAIN_FILE TEST_FILE");
            return 2;
        }
        long started = System.nanoTime();
        Vocabulary items = new Vocabulary();
        Vocabulary skills = new Vocabulary();
        AttemptLogs.Log train;
        AttemptLogs.Log test;
        try {
            train = read(Path.of(args[0]), items, skills, !rowsAsAttempts);
            int trainedItems = items.size();
            int trainedSkills = skills.size();
            test = read(Path.of(args[1]), items, skills, !rowsAsAttempts);
            Map<String, Report> reports = new LinkedHashMap<>();
            out.printf(Locale.ROOT, "train: %d learners, %d rows (%d attempts), %d items, %d skills, layout %s%n",
                    train.sequences().size(), train.rows(), attempts(train), trainedItems, trainedSkills, train.layout());
            out.printf(Locale.ROOT, "test:  %d learners, %d rows (%d attempts), %d items and %d skills unseen in train%n",
                    test.sequences().size(), test.rows(), attempts(test), items.size() - trainedItems,
                    skills.size() - trainedSkills);
            double baselineMicros = warmReplayMicros(new CountingModel(), test.sequences(), new double[test.rows()],
                    new boolean[test.rows()]);
            for (KnowledgeTracer tracer : tracers()) {
                long fitStart = System.nanoTime();
                TracingModel model = tracer.fit(train.sequences(), trainedItems, trainedSkills);
                double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
                double[] predictions = new double[test.rows()];
                boolean[] outcomes = new boolean[test.rows()];
                double micros = warmReplayMicros(model, test.sequences(), predictions, outcomes);
                Metrics metrics = Metrics.of(predictions, outcomes, test.rows());
                String fitted = switch (model) {
                    case LogisticKnowledgeTracing.Model lr -> lr.hyperParameters().toString();
                    case GradientBoostedKnowledgeTracing.Model gbt -> gbt.describe();
                    default -> "";
                };
                reports.put(tracer.name(), new Report(metrics, fitSeconds, micros, fitted));
                out.printf(Locale.ROOT,
                        "%-4s auc %.4f  rmse %.4f  accuracy %.4f  fit %.1f s  predict+update %.2f us/attempt "
                                + "(counting baseline %.2f us)%s%n",
                        tracer.name(), metrics.auc(), metrics.rmse(), metrics.accuracy(), fitSeconds, micros,
                        baselineMicros, fitted.isEmpty() ? "" : "  " + fitted);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(json(reports, test.rows(), rowsAsAttempts, baselineMicros, seconds));
            return 0;
        } catch (BadFile e) {
            err.println("eval-kt: " + e.getMessage());
            return 2;
        }
    }

    private static final class BadFile extends Exception {
        BadFile(String message) {
            super(message);
        }
    }

    private static AttemptLogs.Log read(Path file, Vocabulary items, Vocabulary skills, boolean merge)
            throws BadFile {
        try {
            return AttemptLogs.read(Files.newBufferedReader(file, StandardCharsets.UTF_8), items, skills, merge);
        } catch (MalformedAttemptLogException e) {
            throw new BadFile(file + " " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new BadFile(file + ": no such file");
        } catch (IOException e) {
            throw new BadFile(file + ": " + e.getMessage());
        }
    }

    private static int attempts(AttemptLogs.Log log) {
        return log.sequences().stream().mapToInt(s -> s.attempts().size()).sum();
    }

    /** Replays the test learners twice and times the second pass, once the code is compiled. */
    private static double warmReplayMicros(TracingModel model, List<LearnerSequence> sequences,
            double[] predictions, boolean[] outcomes) {
        replayMicros(model, sequences, predictions, outcomes);
        return replayMicros(model, sequences, predictions, outcomes);
    }

    /** Replays every test learner from scratch; returns the mean predict+update time in microseconds. */
    static double replayMicros(TracingModel model, List<LearnerSequence> sequences, double[] predictions,
            boolean[] outcomes) {
        int row = 0;
        long attempts = 0;
        long start = System.nanoTime();
        for (LearnerSequence sequence : sequences) {
            LearnerKnowledge learner = model.newLearner();
            for (int a = 0; a < sequence.attempts().size(); a++) {
                Attempt attempt = sequence.attempts().get(a);
                double p = learner.predict(attempt.item(), attempt.skills());
                for (int r = 0; r < sequence.rows()[a]; r++) {
                    predictions[row] = p;
                    outcomes[row++] = r < sequence.correctRows()[a];
                }
                learner.observe(attempt);
                attempts++;
            }
        }
        return attempts == 0 ? 0 : (System.nanoTime() - start) / 1e3 / attempts;
    }

    private record Report(Metrics metrics, double fitSeconds, double updateMicros, String fitted) {
    }

    private static String json(Map<String, Report> reports, int rows, boolean rowsAsAttempts, double baselineMicros,
            double seconds) {
        List<String> models = new ArrayList<>();
        reports.forEach((name, r) -> models.add(String.format(Locale.ROOT,
                "\"%s\":{\"auc\":%s,\"rmse\":%s,\"accuracy\":%s,\"fit_seconds\":%.2f,\"update_us\":%.3f%s}",
                name, number(r.metrics().auc()), number(r.metrics().rmse()), number(r.metrics().accuracy()),
                r.fitSeconds(), r.updateMicros(), r.fitted().isEmpty() ? "" : ",\"fitted\":\"" + r.fitted() + "\"")));
        return String.format(Locale.ROOT, "{\"models\":{%s},\"test_rows\":%d,\"protocol\":\"%s\",\"baseline_update_us\":%.3f,\"seconds\":%.1f}",
                String.join(",", models), rows, rowsAsAttempts ? "rows" : "answers", baselineMicros, seconds);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Timing baseline: the cheapest useful tracer, a per-skill success counter. */
    private static final class CountingModel implements TracingModel {
        @Override
        public String name() {
            return "count";
        }

        @Override
        public LearnerKnowledge newLearner() {
            return new LearnerKnowledge() {
                private int[] wins = new int[16];
                private int[] tries = new int[16];
                private int attempts;

                @Override
                public double predict(int item, int[] skills) {
                    int skill = skills[0];
                    return skill < tries.length ? (wins[skill] + 1.0) / (tries[skill] + 2.0) : 0.5;
                }

                @Override
                public void observe(Attempt attempt) {
                    for (int skill : attempt.skills()) {
                        if (skill >= tries.length) {
                            wins = java.util.Arrays.copyOf(wins, skill * 2 + 1);
                            tries = java.util.Arrays.copyOf(tries, skill * 2 + 1);
                        }
                        wins[skill] += attempt.correct() ? 1 : 0;
                        tries[skill]++;
                    }
                    attempts++;
                }

                @Override
                public int attempts() {
                    return attempts;
                }
            };
        }
    }
}
