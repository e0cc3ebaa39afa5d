package io.agentcoach.mastery.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Logistic knowledge tracing in the spirit of Best-LR and DAS3H: the log-odds of a correct
 * answer is a weighted sum of
 * <ul>
 *   <li>item difficulty: a weight per item, plus the item's smoothed success rate in the training
 *       data, backed off to its skills' rate when the item is rare or unseen;</li>
 *   <li>skill difficulty, and the learner's success and failure counts per skill and overall
 *       (log-scaled), with per-skill weights as in DAS3H;</li>
 *   <li>recency windows over the learner's attempt index (the data carry no time stamps):
 *       success and failure counts decayed with half-lives of 3 and 20 attempts, the gap since
 *       the skill was last practised, runs of successes and failures, the current block of
 *       attempts on the same skills, and the pattern of the last three outcomes on the skill
 *       and overall;</li>
 *   <li>the learner's ability, estimated online: the mean and recent surprise (outcome minus the
 *       item's expected success) overall and per skill, and an Elo rating overall and per skill
 *       against the items' difficulty;</li>
 *   <li>interactions: ability times item difficulty, a per-item weight of the ability, the step
 *       from the previous answer's skill and outcome to the current skill, and the learner's
 *       earlier attempts on the same item;</li>
 *   <li>the item's sequence context: how the training learners did on this item right after
 *       answering the learner's previous item with the same outcome (items come in problem sets
 *       and follow-up questions come after wrong answers, so what came just before says which
 *       question this is for the learner: a fresh start, the next of a set, a follow-up);</li>
 *   <li>the skill combination as a whole: its training success rate against its skills' mean,
 *       and the learner's successes and failures on exactly that combination.</li>
 * </ul>
 * Fitted offline by Adagrad on the log-loss with L2 regularisation spread so that each weight
 * is penalised {@code l2/2 * w^2} once per pass, whatever the number of rows that touch it.
 * The number of passes and {@code l2} are chosen on a validation fifth of the training learners
 * (never on the data scored later), then the model is refitted on all of them. Each prediction
 * uses only the learner's past, and an update touches only the attempt's skills and item.
 */
public final class LogisticKnowledgeTracing implements KnowledgeTracer {

    /** Pseudo-count pulling an item's success rate towards its skills' rate. */
    static final double ITEM_SMOOTHING = 4;
    static final double FAST_DECAY = Math.pow(0.5, 1 / 3.0);
    static final double SLOW_DECAY = Math.pow(0.5, 1 / 20.0);
    /** Elo step: {@code ELO_K / (1 + ELO_DAMPING * n)} after n earlier updates. */
    static final double ELO_K = 0.4;
    static final double ELO_DAMPING = 0.05;
    static final double LEARNING_RATE = 0.1;
    static final int MAX_EPOCHS = 8;
    static final double[] L2_GRID = {1e-6, 1e-5, 1e-4};
    /** Below this many learners the training data is too small to hold a fifth out; defaults are used. */
    static final int MIN_LEARNERS_TO_TUNE = 50;
    static final int DEFAULT_EPOCHS = 6;
    static final double DEFAULT_L2 = 1e-6;

    // dense feature positions
    static final int BIAS = 0;
    static final int ITEM_PRIOR = 1;
    static final int WINS = 2;
    static final int FAILS = 3;
    static final int ABILITY = 4;
    static final int LAST = 5;
    static final int SKILL_WINS = 6;
    static final int SKILL_FAILS = 7;
    static final int FAST_WINS = 8;
    static final int FAST_FAILS = 9;
    static final int SLOW_WINS = 10;
    static final int SLOW_FAILS = 11;
    static final int SKILL_ABILITY = 12;
    static final int SKILL_LAST = 13;
    static final int SKILL_SEEN = 14;
    static final int ITEM_TRIES = 15;
    static final int ITEM_LAST = 16;
    static final int SKILL_GAP = 17;
    static final int FAST_ABILITY = 18;
    static final int STREAK = 19;
    static final int FAIL_STREAK = 20;
    static final int BLOCK_TRIES = 21;
    static final int BLOCK_RATE = 22;
    static final int ITEM_BY_ABILITY = 23;
    static final int LAST_SURPRISE = 24;
    static final int ELO = 25;
    static final int SKILL_ELO = 26;
    /** Log count of training answers on the item right after the learner's previous item and outcome. */
    static final int AFTER_SEEN = 27;
    /** Log-odds of the item's success rate after that previous item and outcome, over its rate. */
    static final int AFTER_SHIFT = 28;
    /** Log-odds of the skill combination's training success rate over its skills' mean rate. */
    static final int COMBINATION_SHIFT = 29;
    static final int COMBINATION_WINS = 30;
    static final int COMBINATION_FAILS = 31;
    /**
     * Log count of training answers on the item that came 2 to {@code lags} answers after an
     * answer, with the same outcome, on an item the learner answered that many answers ago
     * (each such earlier item and outcome once).
     */
    static final int EARLIER_SEEN = 32;
    /** Mean log-odds shift of the item's success rate after those earlier answers, over its rate. */
    static final int EARLIER_SHIFT = 33;
    /** The last single-valued dense feature; the outcome patterns follow. */
    static final int LAST_SCALAR = EARLIER_SHIFT;
    /** Features that depend on the item asked (with the learner's past), added per item by predictAll. */
    static final int[] ITEM_CONTEXT = {ITEM_TRIES, ITEM_LAST, AFTER_SEEN, AFTER_SHIFT, EARLIER_SEEN, EARLIER_SHIFT};
    /**
     * Window lengths (in answers) for the earlier answers' context, longest first: the longest
     * whose (earlier answer, item) pairs in the training data stay within {@link #PAIR_BUDGET}
     * is used (on train1 -> valid1 of ASSIST2009 a longer window was better at every length tried).
     */
    static final int[] LAG_CHOICES = {200, 80, 40, 20, 10, 5};
    /** A window of the previous answer alone, which is the sequence context's: no earlier answers' context. */
    static final int NO_EARLIER_CONTEXT = 1;
    /** Most (earlier answer, item) pairs counted: about 16 bytes each, in each of the models fitted at once. */
    static final long PAIR_BUDGET = 1L << 24;
    /** Pseudo-counts pulling a sequence context's rate toward the item's, a combination's toward its skills'. */
    static final double AFTER_SMOOTHING = 4;
    static final double COMBINATION_SMOOTHING = 10;
    /** One-hot pattern of the last (up to) three outcomes on the attempt's skills: 15 slots. */
    static final int SKILL_PATTERN = LAST_SCALAR + 1;
    /** The same over all the learner's attempts: 15 slots. */
    static final int PATTERN = SKILL_PATTERN + 15;
    static final int DENSE = PATTERN + 15;

    private final HyperParameters fixed;

    /** Chooses passes and L2 on a validation fifth of the training learners. */
    public LogisticKnowledgeTracing() {
        this.fixed = null;
    }

    /** Fits with the given hyper-parameters and window of earlier answers, without validation. */
    public LogisticKnowledgeTracing(int epochs, double l2, int lags) {
        this.fixed = new HyperParameters(epochs, l2, lags, Double.NaN);
    }

    /**
     * Hyper-parameters of a fit.
     *
     * @param epochs passes of Adagrad over the training rows
     * @param l2 L2 penalty per weight and pass
     * @param lags window, in answers, of the earlier answers' context; {@link #NO_EARLIER_CONTEXT} when off
     * @param validationAuc AUC on the held-out learners that chose them; NaN when not chosen so
     */
    public record HyperParameters(int epochs, double l2, int lags, double validationAuc) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "epochs=%d l2=%.0e window=%s%s", epochs, l2,
                    lags == NO_EARLIER_CONTEXT ? "off" : String.valueOf(lags),
                    Double.isNaN(validationAuc) ? " (defaults)" : String.format(Locale.ROOT, " (validation auc %.4f)",
                            validationAuc));
        }
    }

    @Override
    public String name() {
        return "lr";
    }

    @Override
    public Model fit(List<LearnerSequence> training, int itemCount, int skillCount) {
        Layout layout = new Layout(itemCount, skillCount);
        HyperParameters chosen = fixed;
        if (chosen == null) {
            int window = Priors.window(training);
            chosen = training.size() < MIN_LEARNERS_TO_TUNE
                    ? new HyperParameters(DEFAULT_EPOCHS, DEFAULT_L2, window, Double.NaN)
                    : tune(training, layout, window);
        }
        Priors priors = Priors.count(training, itemCount, skillCount, chosen.lags());
        Rows rows = Rows.of(training, new Model(layout, priors, new double[layout.size()], chosen), true);
        double[] weights = new double[layout.size()];
        train(rows, weights, chosen.l2(), chosen.epochs(), null);
        return new Model(layout, priors, weights, chosen);
    }

    /**
     * Fits on four fifths of the learners and keeps the passes, L2 and earlier answers' context
     * (the given window or none) that score best on the rest.
     */
    private static HyperParameters tune(List<LearnerSequence> training, Layout layout, int window) {
        List<LearnerSequence> fitting = new ArrayList<>();
        List<LearnerSequence> validation = new ArrayList<>();
        Random random = new Random(11);
        for (LearnerSequence sequence : training) {
            (random.nextInt(5) == 0 ? validation : fitting).add(sequence);
        }
        HyperParameters best = new HyperParameters(DEFAULT_EPOCHS, DEFAULT_L2, window, Double.NaN);
        double bestAuc = -1;
        for (int lags : new int[] {window, NO_EARLIER_CONTEXT}) {
            Priors priors = Priors.count(fitting, layout.items(), layout.skills(), lags);
            Model blank = new Model(layout, priors, new double[layout.size()], null);
            Rows fitRows = Rows.of(fitting, blank, true);
            Rows validationRows = Rows.of(validation, blank, false);
            // one fit per penalty, in parallel: the rows are only read
            double[][] aucsByL2 = new double[L2_GRID.length][MAX_EPOCHS];
            IntStream.range(0, L2_GRID.length).parallel().forEach(g -> train(fitRows, new double[layout.size()],
                    L2_GRID[g], MAX_EPOCHS, (epoch, w) -> aucsByL2[g][epoch] = validationRows.auc(w)));
            for (int g = 0; g < L2_GRID.length; g++) {
                double l2 = L2_GRID[g];
                double[] aucs = aucsByL2[g];
                for (int epoch = 0; epoch < MAX_EPOCHS; epoch++) {
                    if (aucs[epoch] > bestAuc + 1e-5) {
                        bestAuc = aucs[epoch];
                        best = new HyperParameters(epoch + 1, l2, lags, aucs[epoch]);
                    }
                }
            }
        }
        return best;
    }

    /** Called after each pass with the pass number (from 0) and the weights so far. */
    private interface AfterEpoch {
        void accept(int epoch, double[] weights);
    }

    private static void train(Rows rows, double[] weights, double l2, int epochs, AfterEpoch after) {
        int size = weights.length;
        double[] squaredGradients = new double[size];
        Arrays.fill(squaredGradients, 1e-8);
        // Each row that touches a weight carries its share of the weight's penalty for the pass.
        double[] touches = new double[size];
        for (int[] index : rows.indices()) {
            for (int j : index) {
                touches[j]++;
            }
        }
        double[] penalty = new double[size];
        for (int j = 0; j < size; j++) {
            penalty[j] = j == BIAS || touches[j] == 0 ? 0 : l2 * rows.size() / touches[j];
        }
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(7);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int row : order) {
                int[] index = rows.indices().get(row);
                double[] value = rows.values().get(row);
                double error = sigmoid(dot(weights, index, value)) - rows.labels()[row];
                for (int k = 0; k < index.length; k++) {
                    int j = index[k];
                    double gradient = error * value[k] + penalty[j] * weights[j];
                    squaredGradients[j] += gradient * gradient;
                    weights[j] -= LEARNING_RATE * gradient / Math.sqrt(squaredGradients[j]);
                }
            }
            if (after != null) {
                after.accept(epoch, weights);
            }
        }
    }

    /** Feature rows of every attempt of some learners, each computed from the learner's past only. */
    private record Rows(List<int[]> indices, List<double[]> values, double[] labels) {

        /**
         * {@code leaveOut}: the rows were counted in the model's priors, so every training rate in
         * their features (item, skill, sequence context, combination) leaves the row's own answer out.
         */
        static Rows of(List<LearnerSequence> sequences, Model blank, boolean leaveOut) {
            List<int[]> indices = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            int count = sequences.stream().mapToInt(s -> s.attempts().size()).sum();
            double[] labels = new double[count];
            int row = 0;
            for (LearnerSequence sequence : sequences) {
                Model.Learner learner = blank.newLearner();
                for (Attempt attempt : sequence.attempts()) {
                    Features features = learner.features(attempt.item(), attempt.skills(),
                            leaveOut ? attempt.correct() : null);
                    indices.add(features.indices());
                    values.add(features.values());
                    labels[row++] = attempt.correct() ? 1 : 0;
                    learner.observe(attempt);
                }
            }
            return new Rows(indices, values, labels);
        }

        int size() {
            return labels.length;
        }

        double auc(double[] weights) {
            double[] predictions = new double[size()];
            boolean[] outcomes = new boolean[size()];
            for (int i = 0; i < size(); i++) {
                predictions[i] = dot(weights, indices.get(i), values.get(i));
                outcomes[i] = labels[i] > 0.5;
            }
            return Metrics.of(predictions, outcomes, size()).auc();
        }
    }

    private static double dot(double[] weights, int[] index, double[] value) {
        double z = 0;
        for (int k = 0; k < index.length; k++) {
            z += weights[index[k]] * value[k];
        }
        return z;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double logit(double p) {
        double q = Math.max(1e-4, Math.min(1 - 1e-4, p));
        return Math.log(q / (1 - q));
    }

    /** Slot (0-14) of the last up to three outcomes, newest in bit 0 of {@code bits}. */
    static int patternSlot(int bits, int length) {
        int n = Math.min(length, 3);
        return (1 << n) - 1 + (bits & ((1 << n) - 1));
    }

    /** Where each weight lives: dense features, then per item, per skill, per skill counts. */
    record Layout(int items, int skills) {
        int item(int item) {
            return DENSE + item;
        }

        int skill(int skill) {
            return DENSE + items + skill;
        }

        int skillWins(int skill) {
            return DENSE + items + skills + skill;
        }

        int skillFails(int skill) {
            return DENSE + items + 2 * skills + skill;
        }

        int skillRecentWins(int skill) {
            return DENSE + items + 3 * skills + skill;
        }

        int skillRecentFails(int skill) {
            return DENSE + items + 4 * skills + skill;
        }

        int skillAbility(int skill) {
            return DENSE + items + 5 * skills + skill;
        }

        /** Weight for following an answer on {@code previous} (right or wrong) with an item of {@code skill}. */
        int transition(int previous, boolean previousCorrect, int skill) {
            return DENSE + items + 6 * skills + (previous * skills + skill) * 2 + (previousCorrect ? 1 : 0);
        }

        /** Per-item weight of the learner's overall ability so far (items differ in how much it tells). */
        int itemAbility(int item) {
            return DENSE + items + 6 * skills + 2 * skills * skills + item;
        }

        int size() {
            return DENSE + 2 * items + 6 * skills + 2 * skills * skills;
        }

        boolean knowsItem(int item) {
            return item >= 0 && item < items;
        }

        boolean knowsSkill(int skill) {
            return skill >= 0 && skill < skills;
        }
    }

    /**
     * Success counts in the training data: per item and skill; per item after a given previous
     * answer (its item and whether it was right), keyed by {@link #afterKey}; per skill
     * combination, keyed by {@link #combinationKey}. Counts are {answers, right ones}. The
     * rates derived from them take a {@code leaveOut} (0 or 1, -1 none): the answer of the row
     * being fitted, which was counted here, so that a fitted row's features come from the other
     * training answers only, as they do for an answer not in the training data.
     */
    record Priors(int[] itemWins, int[] itemTries, int[] skillWins, int[] skillTries, long wins, long tries,
            Map<Long, int[]> after, Map<String, int[]> combinations, PairCounts earlier, int lags) {

        /**
         * The longest of {@link #LAG_CHOICES} whose (earlier answer, item) pairs in the training
         * data stay within {@link #PAIR_BUDGET}: the training data's size decides, not its outcomes.
         */
        static int window(List<LearnerSequence> training) {
            for (int lags : LAG_CHOICES) {
                long pairs = 0;
                for (LearnerSequence sequence : training) {
                    int n = sequence.attempts().size();
                    // answer t has min(t, lags) - 1 earlier answers at lags 2..lags
                    int full = Math.min(n, lags);
                    pairs += (long) Math.max(0, full - 1) * Math.max(0, full - 2) / 2
                            + (long) Math.max(0, n - lags) * (lags - 1);
                }
                if (pairs <= PAIR_BUDGET) {
                    return lags;
                }
            }
            return LAG_CHOICES[LAG_CHOICES.length - 1];
        }

        /**
         * Keys of the answers at lags 2 to {@code items.length} before an answer on {@code item}:
         * each (earlier item, its outcome, item) once however often it occurs in the window.
         * {@code items[0]} / {@code rights[0]} is the previous answer; {@code available} of them are filled.
         */
        static long[] earlierKeys(int[] items, boolean[] rights, int available, int item) {
            long[] keys = earlierPrefixes(items, rights, available);
            for (int k = 0; k < keys.length; k++) {
                keys[k] |= item;
            }
            return keys;
        }

        /**
         * The (earlier item, its outcome) halves of {@link #earlierKeys}, sorted and distinct: the
         * same for every item asked next, so a prediction over many items computes them once. The
         * item occupies the low 32 bits of a key, so adding it keeps this order and distinctness.
         */
        static long[] earlierPrefixes(int[] items, boolean[] rights, int available) {
            long[] keys = new long[Math.max(0, available - 1)];
            int n = 0;
            for (int lag = 1; lag < available; lag++) {
                if (items[lag] >= 0) {
                    keys[n++] = afterKey(items[lag], rights[lag], 0);
                }
            }
            Arrays.sort(keys, 0, n);
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                if (distinct == 0 || keys[k] != keys[distinct - 1]) {
                    keys[distinct++] = keys[k];
                }
            }
            return Arrays.copyOf(keys, distinct);
        }

        static long afterKey(int previousItem, boolean previousRight, int item) {
            return ((long) previousItem << 33) | (previousRight ? 1L << 32 : 0) | item;
        }

        static String combinationKey(int[] skills) {
            int[] sorted = skills.clone();
            Arrays.sort(sorted);
            return Arrays.toString(sorted);
        }

        /**
         * Log-odds of a context's smoothed success rate over {@code base}; {@code leaveOut} removes
         * the row's own answer (0 or 1; -1 none), which was counted in the context when fitting.
         */
        static double shift(int[] counts, int leaveOut, double base, double smoothing) {
            double rate = (counts[1] - Math.max(leaveOut, 0) + smoothing * base) / (answers(counts, leaveOut) + smoothing);
            return logit(rate) - logit(base);
        }

        static int answers(int[] counts, int leaveOut) {
            return counts[0] - (leaveOut >= 0 ? 1 : 0);
        }

        private static <K> void add(Map<K, int[]> counts, K key, int win) {
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += win;
        }

        static Priors count(List<LearnerSequence> training, int itemCount, int skillCount) {
            return count(training, itemCount, skillCount, window(training));
        }

        static Priors count(List<LearnerSequence> training, int itemCount, int skillCount, int lags) {
            int[] itemWins = new int[itemCount];
            int[] itemTries = new int[itemCount];
            int[] skillWins = new int[skillCount];
            int[] skillTries = new int[skillCount];
            long wins = 0;
            long tries = 0;
            Map<Long, int[]> after = new HashMap<>();
            Map<String, int[]> combinations = new HashMap<>();
            PairCounts earlier = new PairCounts();
            int[] recentItems = new int[lags];
            boolean[] recentRights = new boolean[lags];
            for (LearnerSequence sequence : training) {
                Attempt previous = null;
                int seen = 0;
                for (Attempt attempt : sequence.attempts()) {
                    int win = attempt.correct() ? 1 : 0;
                    if (attempt.item() >= 0) {
                        for (long key : earlierKeys(recentItems, recentRights, seen, attempt.item())) {
                            earlier.add(key, win == 1);
                        }
                        itemWins[attempt.item()] += win;
                        itemTries[attempt.item()]++;
                        if (previous != null && previous.item() >= 0) {
                            add(after, afterKey(previous.item(), previous.credit() > 0.5, attempt.item()), win);
                        }
                    }
                    add(combinations, combinationKey(attempt.skills()), win);
                    previous = attempt;
                    seen = remember(recentItems, recentRights, seen, attempt);
                    for (int skill : attempt.skills()) {
                        skillWins[skill] += win;
                        skillTries[skill]++;
                    }
                    wins += win;
                    tries++;
                }
            }
            return new Priors(itemWins, itemTries, skillWins, skillTries, wins, tries, after, combinations, earlier, lags);
        }

        /** Shifts the last answers' window by one (newest first); returns how many it holds. */
        static int remember(int[] items, boolean[] rights, int held, Attempt attempt) {
            System.arraycopy(items, 0, items, 1, items.length - 1);
            System.arraycopy(rights, 0, rights, 1, rights.length - 1);
            items[0] = attempt.item();
            rights[0] = attempt.credit() > 0.5;
            return Math.min(held + 1, items.length);
        }

        /** Mean of the skills' smoothed success rates (pulled toward the overall rate); {@code leaveOut} as above. */
        double skillRate(int[] skills, int leaveOut) {
            int win = Math.max(leaveOut, 0);
            int answer = leaveOut >= 0 ? 1 : 0;
            double global = (wins - win + 1.0) / (tries - answer + 2.0);
            double sum = 0;
            for (int skill : skills) {
                sum += skill >= 0 && skill < skillTries.length
                        ? (skillWins[skill] - win + 10 * global) / (skillTries[skill] - answer + 10)
                        : global;
            }
            return sum / skills.length;
        }

        /** Smoothed success rate of the item, backed off to its skills' rate; {@code leaveOut} as above. */
        double itemRate(int item, int[] skills, int leaveOut) {
            double base = skillRate(skills, leaveOut);
            if (item < 0 || item >= itemTries.length) {
                return base;
            }
            int wins = itemWins[item] - Math.max(leaveOut, 0);
            int tries = itemTries[item] - (leaveOut >= 0 ? 1 : 0);
            return (wins + ITEM_SMOOTHING * base) / (tries + ITEM_SMOOTHING);
        }
    }

    record Features(int[] indices, double[] values) {
    }

    /** A fitted logistic model. */
    public static final class Model implements TracingModel {
        private final Layout layout;
        private final Priors priors;
        private final double[] weights;
        private final HyperParameters hyperParameters;

        Model(Layout layout, Priors priors, double[] weights, HyperParameters hyperParameters) {
            this.layout = layout;
            this.priors = priors;
            this.weights = weights;
            this.hyperParameters = hyperParameters;
        }

        @Override
        public String name() {
            return "lr";
        }

        /** How it was fitted; null for a blank model. */
        public HyperParameters hyperParameters() {
            return hyperParameters;
        }

        /** The window, in answers, of the earlier answers' context. */
        public int lags() {
            return priors.lags();
        }

        @Override
        public Learner newLearner() {
            return new Learner();
        }

        /**
         * The log-odds of a feature row, and the part of it that comes from the item's own terms
         * (its difficulty and weights), for models stacked on this one.
         */
        double[] logits(Features row) {
            double z = 0;
            double item = 0;
            for (int k = 0; k < row.indices().length; k++) {
                int j = row.indices()[k];
                double term = weights[j] * row.values()[k];
                z += term;
                boolean itemTerm = j == ITEM_PRIOR || j == ITEM_BY_ABILITY
                        || j >= layout.item(0) && j < layout.skill(0) || j >= layout.itemAbility(0);
                item += itemTerm ? term : 0;
            }
            return new double[] {z, item};
        }

        /** How many training answers the item had (0 for an item unseen in training). */
        int trainingTries(int item) {
            return layout.knowsItem(item) ? priors.itemTries()[item] : 0;
        }

        /** Per-skill running state of one learner; counts are sums of credit (1 right, 0 wrong). */
        private static final class SkillState {
            double wins;
            double fails;
            double fastWins;
            double fastFails;
            double slowWins;
            double slowFails;
            double residual;
            double last;
            int lastAt;
            int streak;
            int failStreak;
            int pattern;
            int patternLength;
            double elo;
            int eloUpdates;
        }

        final class Learner implements LearnerKnowledge {
            private SkillState[] skills = new SkillState[0];
            private final Map<Integer, double[]> items = new HashMap<>();
            private double wins;
            private double fails;
            private double residual;
            private double fastResidual;
            private double last;
            private int attempts;
            private int[] blockSkills = new int[0];
            private int blockTries;
            private double blockWins;
            private double lastSurprise;
            private int lastSkill = -1;
            private int lastItem = Attempt.NO_ITEM;
            /** The last {@code lags} answers' items and outcomes, newest first, and how many there are. */
            private final int[] recentItems = new int[priors.lags()];
            private final boolean[] recentRights = new boolean[priors.lags()];
            private int recent;
            /** Per skill combination: {credit, 1 - credit} summed. */
            private final Map<String, double[]> combinations = new HashMap<>();
            private int pattern;
            private double elo;

            private SkillState state(int skill) {
                return skill >= 0 && skill < skills.length ? skills[skill] : null;
            }

            /** Features of answering {@code item} now; {@code leaveOut} is the answer itself when fitting. */
            Features features(int item, int[] attemptSkills, Boolean leaveOut) {
                int sparse = layout.knowsItem(item) ? 2 : 0;
                for (int skill : attemptSkills) {
                    sparse += layout.knowsSkill(skill) ? 6 + (layout.knowsSkill(lastSkill) ? 1 : 0) : 0;
                }
                int[] index = new int[DENSE + sparse];
                double[] value = new double[DENSE + sparse];
                for (int k = 0; k < DENSE; k++) {
                    index[k] = k;
                }
                int leave = leaveOut == null ? -1 : (leaveOut ? 1 : 0);
                value[BIAS] = 1;
                value[ITEM_PRIOR] = logit(priors.itemRate(item, attemptSkills, leave));
                value[WINS] = Math.log1p(wins);
                value[FAILS] = Math.log1p(fails);
                value[ABILITY] = residual / (attempts + 3);
                value[FAST_ABILITY] = fastResidual;
                value[LAST] = last;
                value[ELO] = elo;
                value[PATTERN + patternSlot(pattern, attempts)] = 1;
                double share = 1.0 / attemptSkills.length;
                int next = DENSE;
                for (int skill : attemptSkills) {
                    SkillState s = state(skill);
                    if (s != null) {
                        double fastFactor = Math.pow(FAST_DECAY, attempts - s.lastAt);
                        double slowFactor = Math.pow(SLOW_DECAY, attempts - s.lastAt);
                        value[SKILL_WINS] += share * Math.log1p(s.wins);
                        value[SKILL_FAILS] += share * Math.log1p(s.fails);
                        value[FAST_WINS] += share * s.fastWins * fastFactor;
                        value[FAST_FAILS] += share * s.fastFails * fastFactor;
                        value[SLOW_WINS] += share * s.slowWins * slowFactor;
                        value[SLOW_FAILS] += share * s.slowFails * slowFactor;
                        value[SKILL_ABILITY] += share * s.residual / (s.wins + s.fails + 3);
                        value[SKILL_LAST] += share * s.last;
                        value[SKILL_SEEN] += share;
                        value[SKILL_GAP] += share * Math.log1p(attempts - s.lastAt);
                        value[STREAK] += share * Math.log1p(s.streak);
                        value[FAIL_STREAK] += share * Math.log1p(s.failStreak);
                        value[SKILL_ELO] += share * s.elo;
                    }
                    value[SKILL_PATTERN + (s == null ? 0 : patternSlot(s.pattern, s.patternLength))] += share;
                    if (layout.knowsSkill(skill)) {
                        index[next] = layout.skill(skill);
                        value[next++] = share;
                        index[next] = layout.skillWins(skill);
                        value[next++] = s == null ? 0 : share * Math.log1p(s.wins);
                        index[next] = layout.skillFails(skill);
                        value[next++] = s == null ? 0 : share * Math.log1p(s.fails);
                        double fastFactor = s == null ? 0 : Math.pow(FAST_DECAY, attempts - s.lastAt);
                        index[next] = layout.skillRecentWins(skill);
                        value[next++] = s == null ? 0 : share * s.fastWins * fastFactor;
                        index[next] = layout.skillRecentFails(skill);
                        value[next++] = s == null ? 0 : share * s.fastFails * fastFactor;
                        index[next] = layout.skillAbility(skill);
                        value[next++] = s == null ? 0 : share * s.residual / (s.wins + s.fails + 3);
                        if (layout.knowsSkill(lastSkill)) {
                            index[next] = layout.transition(lastSkill, last > 0, skill);
                            value[next++] = share;
                        }
                    }
                }
                if (sameBlock(attemptSkills)) {
                    value[BLOCK_TRIES] = Math.log1p(blockTries);
                    value[BLOCK_RATE] = (blockWins + 1.0) / (blockTries + 2.0) - 0.5;
                }
                value[ITEM_BY_ABILITY] = value[ITEM_PRIOR] * value[ABILITY];
                value[LAST_SURPRISE] = lastSurprise;
                itemContext(item, attemptSkills, leave, value, Priors.earlierPrefixes(recentItems, recentRights, recent));
                String combination = Priors.combinationKey(attemptSkills);
                int[] combinationCounts = priors.combinations().get(combination);
                if (combinationCounts != null) {
                    value[COMBINATION_SHIFT] = Priors.shift(combinationCounts, leave, priors.skillRate(attemptSkills, leave),
                            COMBINATION_SMOOTHING);
                }
                double[] mine = combinations.get(combination);
                if (mine != null) {
                    value[COMBINATION_WINS] = Math.log1p(mine[0]);
                    value[COMBINATION_FAILS] = Math.log1p(mine[1]);
                }
                if (layout.knowsItem(item)) {
                    index[next] = layout.item(item);
                    value[next++] = 1;
                    index[next] = layout.itemAbility(item);
                    value[next] = value[ABILITY];
                }
                return new Features(index, value);
            }

            /**
             * Sets the {@link #ITEM_CONTEXT} features of answering {@code item} now: the learner's
             * earlier attempts on it, and the training answers on it right after the learner's
             * previous item and outcome. {@code leave}: the answer itself when fitting (0 or 1), -1 none.
             * {@code earlierPrefixes}: {@link Priors#earlierPrefixes} of the learner's window now.
             */
            private void itemContext(int item, int[] attemptSkills, int leave, double[] value, long[] earlierPrefixes) {
                if (item < 0) {
                    return;
                }
                double[] itemHistory = items.get(item);
                if (itemHistory != null) {
                    value[ITEM_TRIES] = Math.log1p(itemHistory[0]);
                    value[ITEM_LAST] = itemHistory[1];
                }
                int[] after = lastItem >= 0 ? priors.after().get(Priors.afterKey(lastItem, last > 0, item)) : null;
                if (after == null && earlierPrefixes.length == 0) {
                    return;
                }
                double itemRate = priors.itemRate(item, attemptSkills, leave);
                if (after != null) {
                    value[AFTER_SEEN] = Math.log1p(Priors.answers(after, leave));
                    value[AFTER_SHIFT] = Priors.shift(after, leave, itemRate, AFTER_SMOOTHING);
                }
                double answers = 0;
                double shifts = 0;
                int found = 0;
                for (long prefix : earlierPrefixes) {
                    int[] earlier = priors.earlier().get(prefix | item);
                    if (earlier != null && Priors.answers(earlier, leave) > 0) {
                        answers += Priors.answers(earlier, leave);
                        shifts += Priors.shift(earlier, leave, itemRate, AFTER_SMOOTHING);
                        found++;
                    }
                }
                if (found > 0) {
                    value[EARLIER_SEEN] = Math.log1p(answers);
                    value[EARLIER_SHIFT] = shifts / found;
                }
            }

            @Override
            public double predict(int item, int[] attemptSkills) {
                Features row = features(item, attemptSkills, null);
                return sigmoid(dot(weights, row.indices(), row.values()));
            }

            /**
             * As {@link #predict} for each item, computing the learner's features once per skill list
             * (by array identity) and adding each item's own terms: its difficulty, its weights and
             * its {@link #ITEM_CONTEXT} features. Exactly equal to predicting one by one.
             */
            @Override
            public double[] predictAll(int[] itemIds, int[][] skillLists) {
                double[] predictions = new double[itemIds.length];
                Map<int[], double[]> shared = new java.util.IdentityHashMap<>();
                double ability = residual / (attempts + 3);
                double[] context = new double[DENSE];
                long[] earlierPrefixes = Priors.earlierPrefixes(recentItems, recentRights, recent);
                for (int i = 0; i < itemIds.length; i++) {
                    int[] attemptSkills = skillLists[i];
                    double[] base = shared.get(attemptSkills);
                    if (base == null) {
                        Features row = features(Attempt.NO_ITEM, attemptSkills, null);
                        base = new double[] {dot(weights, row.indices(), row.values()), row.values()[ITEM_PRIOR]};
                        shared.put(attemptSkills, base);
                    }
                    int item = itemIds[i];
                    double z = base[0];
                    if (item >= 0) {
                        double difficulty = logit(priors.itemRate(item, attemptSkills, -1));
                        z += (difficulty - base[1]) * (weights[ITEM_PRIOR] + weights[ITEM_BY_ABILITY] * ability);
                        itemContext(item, attemptSkills, -1, context, earlierPrefixes);
                        for (int f : ITEM_CONTEXT) {
                            z += weights[f] * context[f];
                            context[f] = 0;
                        }
                        if (layout.knowsItem(item)) {
                            z += weights[layout.item(item)] + weights[layout.itemAbility(item)] * ability;
                        }
                    }
                    predictions[i] = sigmoid(z);
                }
                return predictions;
            }

            @Override
            public void observe(Attempt attempt) {
                double credit = attempt.credit();
                double outcome = 2 * credit - 1;
                boolean right = credit >= 0.5;
                double expected = priors.itemRate(attempt.item(), attempt.skills(), -1);
                double surprise = credit - expected;
                // Elo: one expected outcome for the attempt from the item, the learner and its skills
                double skillElo = 0;
                for (int skill : attempt.skills()) {
                    SkillState s = state(skill);
                    skillElo += s == null ? 0 : s.elo / attempt.skills().length;
                }
                double eloError = credit - sigmoid(logit(expected) + elo + skillElo);
                for (int skill : attempt.skills()) {
                    if (skill >= skills.length) {
                        skills = Arrays.copyOf(skills, Math.max(skill + 1, skills.length * 2));
                    }
                    SkillState s = skills[skill];
                    if (s == null) {
                        s = new SkillState();
                        s.lastAt = attempts;
                        skills[skill] = s;
                    }
                    int gap = attempts - s.lastAt;
                    double fastFactor = Math.pow(FAST_DECAY, gap);
                    double slowFactor = Math.pow(SLOW_DECAY, gap);
                    s.fastWins = s.fastWins * fastFactor + credit;
                    s.fastFails = s.fastFails * fastFactor + 1 - credit;
                    s.slowWins = s.slowWins * slowFactor + credit;
                    s.slowFails = s.slowFails * slowFactor + 1 - credit;
                    s.wins += credit;
                    s.fails += 1 - credit;
                    s.residual += surprise;
                    s.last = outcome;
                    s.streak = credit == 1 ? s.streak + 1 : 0;
                    s.failStreak = credit == 0 ? s.failStreak + 1 : 0;
                    s.pattern = (s.pattern << 1) | (right ? 1 : 0);
                    s.patternLength++;
                    s.elo += ELO_K / (1 + ELO_DAMPING * s.eloUpdates++) * eloError;
                    s.lastAt = attempts;
                }
                elo += ELO_K / (1 + ELO_DAMPING * attempts) * eloError;
                if (attempt.item() >= 0) {
                    double[] history = items.computeIfAbsent(attempt.item(), k -> new double[2]);
                    history[0]++;
                    history[1] = outcome;
                }
                wins += credit;
                fails += 1 - credit;
                if (!sameBlock(attempt.skills())) {
                    blockSkills = attempt.skills();
                    blockTries = 0;
                    blockWins = 0;
                }
                blockTries++;
                blockWins += credit;
                lastSurprise = surprise;
                lastSkill = attempt.skills()[0];
                lastItem = attempt.item();
                recent = Priors.remember(recentItems, recentRights, recent, attempt);
                double[] combination = combinations.computeIfAbsent(Priors.combinationKey(attempt.skills()),
                        k -> new double[2]);
                combination[0] += credit;
                combination[1] += 1 - credit;
                residual += surprise;
                fastResidual = fastResidual * FAST_DECAY + surprise * (1 - FAST_DECAY);
                pattern = (pattern << 1) | (right ? 1 : 0);
                last = outcome;
                attempts++;
            }

            /** Whether the attempt continues the current run of attempts on the same skills. */
            private boolean sameBlock(int[] attemptSkills) {
                return Arrays.equals(blockSkills, attemptSkills);
            }

            @Override
            public int attempts() {
                return attempts;
            }
        }
    }
}
