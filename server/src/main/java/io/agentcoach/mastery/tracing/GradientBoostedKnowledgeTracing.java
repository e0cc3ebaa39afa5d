package io.agentcoach.mastery.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Gradient-boosted decision trees stacked on the logistic model: the trees start from the
 * logistic model's log-odds and correct it from the same per-answer features plus the logistic
 * model's own log-odds (whole, item part, learner part), so they can use interactions a linear
 * model cannot express (practice counts times difficulty, ability times difficulty, recent
 * outcomes times the item).
 *
 * <p>The logistic model's log-odds on a training answer would be optimistic (the model has seen
 * that answer), so the trees learn from out-of-fold log-odds: the training learners are split
 * in {@value #FOLDS} parts and each part's features come from a logistic model fitted, with the
 * passes and penalty chosen for the whole, on the other parts (cross-fitting). Online, the
 * features come from the logistic model fitted on all training learners and are updated exactly
 * as it updates them; the trees are only evaluated.
 *
 * <p>Trees are grown leaf-wise on {@value #BINS}-bin histograms of the features (gradient and
 * Hessian of the log-loss, L2 on leaf values); their number is the one with the least log-loss
 * on a tenth of the training learners held out from the boosting (never on the data scored
 * later): on outcomes nothing predicts, a handful.
 *
 * <p>Mastery of a skill is the logistic model's: it rises with every right answer and carries
 * the per-feature weights the learning path's reasons rest on, which a sum of trees does not
 * guarantee.
 */
public final class GradientBoostedKnowledgeTracing implements KnowledgeTracer {

    static final int FOLDS = 4;
    static final int BINS = 64;
    static final int MAX_LEAVES = 31;
    static final double SHRINKAGE = 0.1;
    static final int MAX_TREES = 600;
    /** Trees added without a lower held-out log-loss before boosting stops. */
    static final int PATIENCE = 80;
    static final double LEAF_L2 = 1;
    /** Least sum of Hessians (about 0.2 per answer) in a leaf. */
    static final double MIN_LEAF_HESSIAN = 30;
    /** Below this many learners nothing is held out and the trees are not fitted: the logistic model alone. */
    static final int MIN_LEARNERS = 50;

    // inputs of the trees
    static final int LOGIT = 0;
    static final int ITEM_LOGIT = 1;
    static final int LEARNER_LOGIT = 2;
    /** The logistic model's dense features from ITEM_PRIOR to LAST_SCALAR. */
    static final int DENSE_FROM = 3;
    static final int DENSE_COUNT = LogisticKnowledgeTracing.LAST_SCALAR - LogisticKnowledgeTracing.ITEM_PRIOR + 1;
    static final int PATTERN = DENSE_FROM + DENSE_COUNT;
    static final int SKILL_PATTERN = PATTERN + 1;
    static final int SKILL_COUNT = SKILL_PATTERN + 1;
    static final int ITEM_TRAINING_TRIES = SKILL_COUNT + 1;
    static final int ATTEMPTS = ITEM_TRAINING_TRIES + 1;
    static final int INPUTS = ATTEMPTS + 1;

    @Override
    public String name() {
        return "gbt";
    }

    @Override
    public Model fit(List<LearnerSequence> training, int itemCount, int skillCount) {
        LogisticKnowledgeTracing.Model linear = new LogisticKnowledgeTracing().fit(training, itemCount, skillCount);
        if (training.size() < MIN_LEARNERS) {
            return new Model(linear, new Tree[0], new Fit(0, Double.NaN, Double.NaN));
        }
        LogisticKnowledgeTracing.HyperParameters chosen = linear.hyperParameters();
        Random random = new Random(13);
        int[] fold = new int[training.size()];
        boolean[] stopping = new boolean[training.size()];
        for (int l = 0; l < fold.length; l++) {
            fold[l] = random.nextInt(FOLDS);
            stopping[l] = random.nextInt(10) == 0;
        }
        // out-of-fold features of every training answer, the parts fitted in parallel
        List<float[][]> parts = IntStream.range(0, FOLDS).parallel().mapToObj(k -> {
            List<LearnerSequence> others = new ArrayList<>();
            List<LearnerSequence> own = new ArrayList<>();
            for (int l = 0; l < fold.length; l++) {
                (fold[l] == k ? own : others).add(training.get(l));
            }
            LogisticKnowledgeTracing.Model model = new LogisticKnowledgeTracing(chosen.epochs(), chosen.l2(),
                    linear.lags()).fit(others, itemCount, skillCount);
            return inputs(model, own);
        }).toList();
        int[] next = new int[FOLDS];
        List<float[]> fitRows = new ArrayList<>();
        List<float[]> stopRows = new ArrayList<>();
        List<Boolean> fitLabels = new ArrayList<>();
        List<Boolean> stopLabels = new ArrayList<>();
        for (int l = 0; l < fold.length; l++) {
            float[][] part = parts.get(fold[l]);
            for (Attempt attempt : training.get(l).attempts()) {
                (stopping[l] ? stopRows : fitRows).add(part[next[fold[l]]++]);
                (stopping[l] ? stopLabels : fitLabels).add(attempt.correct());
            }
        }
        Booster booster = new Booster(fitRows, fitLabels, stopRows, stopLabels);
        return new Model(linear, booster.boost(), booster.fit);
    }

    /** Inputs of every answer of some learners, each from the learner's past under the given logistic model. */
    private static float[][] inputs(LogisticKnowledgeTracing.Model model, List<LearnerSequence> sequences) {
        List<float[]> rows = new ArrayList<>();
        for (LearnerSequence sequence : sequences) {
            LogisticKnowledgeTracing.Model.Learner learner = model.newLearner();
            for (Attempt attempt : sequence.attempts()) {
                rows.add(inputs(model, learner, attempt.item(), attempt.skills()));
                learner.observe(attempt);
            }
        }
        return rows.toArray(float[][]::new);
    }

    static float[] inputs(LogisticKnowledgeTracing.Model model, LogisticKnowledgeTracing.Model.Learner learner,
            int item, int[] skills) {
        LogisticKnowledgeTracing.Features row = learner.features(item, skills, null);
        double[] logits = model.logits(row);
        double[] values = row.values();
        float[] x = new float[INPUTS];
        x[LOGIT] = (float) logits[0];
        x[ITEM_LOGIT] = (float) logits[1];
        x[LEARNER_LOGIT] = (float) (logits[0] - logits[1]);
        for (int k = 0; k < DENSE_COUNT; k++) {
            x[DENSE_FROM + k] = (float) values[LogisticKnowledgeTracing.ITEM_PRIOR + k];
        }
        x[PATTERN] = strongestSlot(values, LogisticKnowledgeTracing.PATTERN);
        x[SKILL_PATTERN] = strongestSlot(values, LogisticKnowledgeTracing.SKILL_PATTERN);
        x[SKILL_COUNT] = skills.length;
        x[ITEM_TRAINING_TRIES] = (float) Math.log1p(model.trainingTries(item));
        x[ATTEMPTS] = (float) Math.log1p(learner.attempts());
        return x;
    }

    /** The one-hot outcome pattern as one number (for several skills, the pattern most of them share). */
    private static float strongestSlot(double[] values, int from) {
        int best = 0;
        for (int k = 1; k < 15; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * How the trees were fitted.
     *
     * @param trees trees kept
     * @param validationAuc AUC of the stacked model on the held-out training learners
     * @param linearAuc the logistic model's out-of-fold AUC on the same learners
     */
    public record Fit(int trees, double validationAuc, double linearAuc) {
        @Override
        public String toString() {
            return Double.isNaN(validationAuc) ? "trees=0 (too few learners)"
                    : String.format(Locale.ROOT, "trees=%d (validation auc %.4f, lr alone %.4f)", trees,
                            validationAuc, linearAuc);
        }
    }

    /** One regression tree over the inputs; leaves at {@code feature == -1}. */
    record Tree(int[] feature, float[] threshold, int[] left, int[] right, double[] value) {
        double evaluate(float[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return value[node];
        }
    }

    /** A fitted stacked model. */
    public static final class Model implements TracingModel {
        private final LogisticKnowledgeTracing.Model linear;
        private final Tree[] trees;
        private final Fit fit;

        Model(LogisticKnowledgeTracing.Model linear, Tree[] trees, Fit fit) {
            this.linear = linear;
            this.trees = trees;
            this.fit = fit;
        }

        @Override
        public String name() {
            return "gbt";
        }

        /** How the trees were fitted. */
        Fit fit() {
            return fit;
        }

        /** How the trees and the logistic model under them were fitted. */
        public String describe() {
            return fit + " on lr " + linear.hyperParameters();
        }

        @Override
        public LearnerKnowledge newLearner() {
            LogisticKnowledgeTracing.Model.Learner learner = linear.newLearner();
            return new LearnerKnowledge() {
                @Override
                public double predict(int item, int[] skills) {
                    if (trees.length == 0) {
                        return learner.predict(item, skills);
                    }
                    float[] x = inputs(linear, learner, item, skills);
                    double z = x[LOGIT];
                    for (Tree tree : trees) {
                        z += tree.evaluate(x);
                    }
                    return LogisticKnowledgeTracing.sigmoid(z);
                }

                @Override
                public void observe(Attempt attempt) {
                    learner.observe(attempt);
                }

                @Override
                public double mastery(int skill) {
                    return learner.mastery(skill);
                }

                @Override
                public int attempts() {
                    return learner.attempts();
                }
            };
        }
    }

    /** Histogram-based boosting of the log-loss, starting from the logistic model's log-odds. */
    private static final class Booster {
        private final int rows;
        /** Bin of every row per input, {@code [input][row]}. */
        private final byte[][] bins;
        private final List<float[]> stopRows;
        /** Upper edge of every bin but the last, per input: bin {@code b} holds {@code x <= edges[b]}. */
        private final float[][] edges;
        private final double[] labels;
        private final double[] margin;
        private final boolean[] stopLabels;
        private final double[] stopMargin;
        private final double[] gradient;
        private final double[] hessian;
        private final int[] order;
        Fit fit;

        Booster(List<float[]> fitRows, List<Boolean> fitLabels, List<float[]> stopRows, List<Boolean> stopOutcomes) {
            rows = fitRows.size();
            edges = new float[INPUTS][];
            bins = new byte[INPUTS][];
            this.stopRows = stopRows;
            IntStream.range(0, INPUTS).parallel().forEach(f -> {
                edges[f] = edges(fitRows, f);
                bins[f] = binned(fitRows, f, edges[f]);
            });
            labels = new double[rows];
            margin = new double[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = fitLabels.get(r) ? 1 : 0;
                margin[r] = fitRows.get(r)[LOGIT];
            }
            stopLabels = new boolean[stopRows.size()];
            stopMargin = new double[stopRows.size()];
            for (int r = 0; r < stopLabels.length; r++) {
                stopLabels[r] = stopOutcomes.get(r);
                stopMargin[r] = stopRows.get(r)[LOGIT];
            }
            gradient = new double[rows];
            hessian = new double[rows];
            order = new int[rows];
        }

        /** Quantile edges of one input, from a fixed sample of the rows. */
        private static float[] edges(List<float[]> rows, int f) {
            int step = Math.max(1, rows.size() / 50_000);
            float[] sample = new float[(rows.size() + step - 1) / step];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = rows.get(i * step)[f];
            }
            Arrays.sort(sample);
            float[] cut = new float[BINS - 1];
            int n = 0;
            for (int b = 1; b < BINS; b++) {
                float edge = sample[(int) ((long) b * (sample.length - 1) / BINS)];
                if (n == 0 || edge > cut[n - 1]) {
                    cut[n++] = edge;
                }
            }
            return Arrays.copyOf(cut, n);
        }

        private static byte[] binned(List<float[]> rows, int f, float[] edges) {
            byte[] bin = new byte[rows.size()];
            for (int r = 0; r < bin.length; r++) {
                int b = Arrays.binarySearch(edges, rows.get(r)[f]);
                bin[r] = (byte) (b >= 0 ? b : -b - 1);
            }
            return bin;
        }

        private record Split(int feature, int bin, double gain) {
        }

        /** A leaf being grown: its rows are {@code order[start, end)}. */
        private final class Leaf {
            final int start;
            final int end;
            final double[] histogram;
            final double g;
            final double h;
            final Split split;
            int node;

            Leaf(int start, int end, double[] histogram) {
                this.start = start;
                this.end = end;
                this.histogram = histogram;
                double sg = 0;
                double sh = 0;
                for (int b = 0; b < BINS; b++) {
                    sg += histogram[2 * b];
                    sh += histogram[2 * b + 1];
                }
                g = sg;
                h = sh;
                split = bestSplit();
            }

            private Split bestSplit() {
                Split best = null;
                double parent = g * g / (h + LEAF_L2);
                for (int f = 0; f < INPUTS; f++) {
                    double lg = 0;
                    double lh = 0;
                    int offset = f * BINS * 2;
                    for (int b = 0; b < edges[f].length; b++) {
                        lg += histogram[offset + 2 * b];
                        lh += histogram[offset + 2 * b + 1];
                        double rh = h - lh;
                        if (lh < MIN_LEAF_HESSIAN || rh < MIN_LEAF_HESSIAN) {
                            continue;
                        }
                        double rg = g - lg;
                        double gain = lg * lg / (lh + LEAF_L2) + rg * rg / (rh + LEAF_L2) - parent;
                        if (gain > 1e-9 && (best == null || gain > best.gain())) {
                            best = new Split(f, b, gain);
                        }
                    }
                }
                return best;
            }
        }

        private double[] histogram(int start, int end) {
            double[] histogram = new double[INPUTS * BINS * 2];
            IntStream features = IntStream.range(0, INPUTS);
            (end - start > 20_000 ? features.parallel() : features).forEach(f -> {
                byte[] bin = bins[f];
                int offset = f * BINS * 2;
                for (int i = start; i < end; i++) {
                    int r = order[i];
                    int slot = offset + 2 * bin[r];
                    histogram[slot] += gradient[r];
                    histogram[slot + 1] += hessian[r];
                }
            });
            return histogram;
        }

        Tree[] boost() {
            List<Tree> trees = new ArrayList<>();
            double linearAuc = auc(stopMargin);
            double bestAuc = linearAuc;
            double bestLoss = logLoss(stopMargin);
            int bestTrees = 0;
            for (int t = 0; t < MAX_TREES && t - bestTrees < PATIENCE; t++) {
                for (int r = 0; r < rows; r++) {
                    double p = LogisticKnowledgeTracing.sigmoid(margin[r]);
                    gradient[r] = p - labels[r];
                    hessian[r] = Math.max(p * (1 - p), 1e-6);
                    order[r] = r;
                }
                Tree tree = grow();
                trees.add(tree);
                // log-loss rather than AUC: smoother on a small held-out part, so noise does not pick trees
                double loss = logLoss(stopMargin);
                if (loss < bestLoss - 1e-7) {
                    bestLoss = loss;
                    bestAuc = auc(stopMargin);
                    bestTrees = trees.size();
                }
            }
            fit = new Fit(bestTrees, bestAuc, linearAuc);
            return trees.subList(0, bestTrees).toArray(Tree[]::new);
        }

        /** Grows one tree leaf-wise, best gain first, and adds it to the training and held-out margins. */
        private Tree grow() {
            List<int[]> structure = new ArrayList<>();
            List<Float> thresholds = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            List<Leaf> leaves = new ArrayList<>();
            PriorityQueue<Leaf> open = new PriorityQueue<>((a, b) -> Double.compare(b.split.gain(), a.split.gain()));
            Leaf root = new Leaf(0, rows, histogram(0, rows));
            root.node = newNode(structure, thresholds, values);
            offer(root, open, leaves);
            while (!open.isEmpty() && leaves.size() + open.size() < MAX_LEAVES) {
                Leaf leaf = open.poll();
                Split split = leaf.split;
                int middle = partition(leaf.start, leaf.end, split);
                boolean leftSmaller = middle - leaf.start < leaf.end - middle;
                double[] small = leftSmaller ? histogram(leaf.start, middle) : histogram(middle, leaf.end);
                double[] large = leaf.histogram.clone();
                for (int i = 0; i < large.length; i++) {
                    large[i] -= small[i];
                }
                Leaf left = new Leaf(leaf.start, middle, leftSmaller ? small : large);
                Leaf right = new Leaf(middle, leaf.end, leftSmaller ? large : small);
                left.node = newNode(structure, thresholds, values);
                right.node = newNode(structure, thresholds, values);
                structure.get(leaf.node)[0] = split.feature();
                structure.get(leaf.node)[1] = left.node;
                structure.get(leaf.node)[2] = right.node;
                thresholds.set(leaf.node, edges[split.feature()][split.bin()]);
                offer(left, open, leaves);
                offer(right, open, leaves);
            }
            leaves.addAll(open);
            for (Leaf leaf : leaves) {
                double value = -SHRINKAGE * leaf.g / (leaf.h + LEAF_L2);
                values.set(leaf.node, value);
                for (int i = leaf.start; i < leaf.end; i++) {
                    margin[order[i]] += value;
                }
            }
            int n = structure.size();
            int[] feature = new int[n];
            int[] left = new int[n];
            int[] right = new int[n];
            float[] threshold = new float[n];
            double[] value = new double[n];
            for (int i = 0; i < n; i++) {
                feature[i] = structure.get(i)[0];
                left[i] = structure.get(i)[1];
                right[i] = structure.get(i)[2];
                threshold[i] = thresholds.get(i);
                value[i] = values.get(i);
            }
            Tree tree = new Tree(feature, threshold, left, right, value);
            for (int r = 0; r < stopMargin.length; r++) {
                stopMargin[r] += tree.evaluate(stopRows.get(r));
            }
            return tree;
        }

        private static int newNode(List<int[]> structure, List<Float> thresholds, List<Double> values) {
            structure.add(new int[] {-1, -1, -1});
            thresholds.add(0f);
            values.add(0.0);
            return structure.size() - 1;
        }

        private static void offer(Leaf leaf, PriorityQueue<Leaf> open, List<Leaf> leaves) {
            (leaf.split != null ? open : leaves).add(leaf);
        }

        /** Moves the rows going left to the front of {@code order[start, end)}; returns where the right ones start. */
        private int partition(int start, int end, Split split) {
            byte[] bin = bins[split.feature()];
            int i = start;
            int j = end - 1;
            while (i <= j) {
                if (bin[order[i]] <= split.bin()) {
                    i++;
                } else {
                    int swap = order[i];
                    order[i] = order[j];
                    order[j--] = swap;
                }
            }
            return i;
        }

        /** Mean log-loss of the held-out answers at the given log-odds. */
        private double logLoss(double[] margins) {
            double sum = 0;
            for (int r = 0; r < margins.length; r++) {
                double m = stopLabels[r] ? margins[r] : -margins[r];
                sum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
            }
            return sum / margins.length;
        }

        private double auc(double[] scores) {
            return Metrics.of(scores, stopLabels, scores.length).auc();
        }
    }
}
