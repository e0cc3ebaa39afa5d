package io.agentcoach.mastery.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Logistic knowledge tracing in the spirit of Best-LR and DAS3H: the log-odds of a correct
 * answer is a weighted sum of item difficulty (a weight per item, plus the item's smoothed
 * success rate in the training data), skill difficulty, the learner's success and failure
 * counts per skill and overall (log-scaled), counts in recent windows (exponentially decayed
 * over the learner's last attempts), runs of successes and failures, the current block of
 * attempts on the same skills, and the learner's running ability: how much better than
 * expected for each item they have done, per skill and overall. Counts, recent counts and
 * ability per skill carry their own weights, as in DAS3H; so do the ability per item and the
 * step from the previous answer's skill and outcome to the current skill. Fitted offline by
 * Adagrad with L2; each prediction uses only the learner's past, and an update touches only
 * the attempt's skills and item.
 */
public final class LogisticKnowledgeTracing implements KnowledgeTracer {

    /** Pseudo-count pulling an item's success rate towards its skills' rate. */
    static final double ITEM_SMOOTHING = 4;
    static final double FAST_DECAY = Math.pow(0.5, 1 / 3.0);
    static final double SLOW_DECAY = Math.pow(0.5, 1 / 20.0);

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
    static final int DENSE = 25;

    private final int epochs;
    private final double learningRate;
    private final double l2;

    public LogisticKnowledgeTracing() {
        this(6, 0.1, 1e-6);
    }

    public LogisticKnowledgeTracing(int epochs, double learningRate, double l2) {
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.l2 = l2;
    }

    @Override
    public String name() {
        return "lr";
    }

    @Override
    public Model fit(List<LearnerSequence> training, int itemCount, int skillCount) {
        Priors priors = Priors.count(training, itemCount, skillCount);
        Layout layout = new Layout(itemCount, skillCount);
        // Replay every learner to build the feature rows; the item prior leaves the row itself out.
        List<int[]> indices = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        Model blank = new Model(layout, priors, new double[layout.size()]);
        for (LearnerSequence sequence : training) {
            Model.Learner learner = blank.newLearner();
            for (Attempt attempt : sequence.attempts()) {
                Features row = learner.features(attempt.item(), attempt.skills(), attempt.correct());
                indices.add(row.indices());
                values.add(row.values());
                labels.add(attempt.correct());
                learner.observe(attempt);
            }
        }
        double[] weights = new double[layout.size()];
        double[] squaredGradients = new double[layout.size()];
        Arrays.fill(squaredGradients, 1e-8);
        int[] order = new int[labels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(7);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int row : order) {
                int[] index = indices.get(row);
                double[] value = values.get(row);
                double z = 0;
                for (int k = 0; k < index.length; k++) {
                    z += weights[index[k]] * value[k];
                }
                double error = sigmoid(z) - (labels.get(row) ? 1 : 0);
                for (int k = 0; k < index.length; k++) {
                    int j = index[k];
                    double gradient = error * value[k] + l2 * weights[j];
                    squaredGradients[j] += gradient * gradient;
                    weights[j] -= learningRate * gradient / Math.sqrt(squaredGradients[j]);
                }
            }
        }
        return new Model(layout, priors, weights);
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

    /** Success counts per item and skill in the training data. */
    record Priors(int[] itemWins, int[] itemTries, double[] skillRate, double globalRate) {

        static Priors count(List<LearnerSequence> training, int itemCount, int skillCount) {
            int[] itemWins = new int[itemCount];
            int[] itemTries = new int[itemCount];
            int[] skillWins = new int[skillCount];
            int[] skillTries = new int[skillCount];
            long wins = 0;
            long tries = 0;
            for (LearnerSequence sequence : training) {
                for (Attempt attempt : sequence.attempts()) {
                    int win = attempt.correct() ? 1 : 0;
                    if (attempt.item() >= 0) {
                        itemWins[attempt.item()] += win;
                        itemTries[attempt.item()]++;
                    }
                    for (int skill : attempt.skills()) {
                        skillWins[skill] += win;
                        skillTries[skill]++;
                    }
                    wins += win;
                    tries++;
                }
            }
            double global = (wins + 1.0) / (tries + 2.0);
            double[] skillRate = new double[skillCount];
            for (int s = 0; s < skillCount; s++) {
                skillRate[s] = (skillWins[s] + 10 * global) / (skillTries[s] + 10);
            }
            return new Priors(itemWins, itemTries, skillRate, global);
        }

        double skillRate(int[] skills) {
            double sum = 0;
            for (int skill : skills) {
                sum += skill >= 0 && skill < skillRate.length ? skillRate[skill] : globalRate;
            }
            return sum / skills.length;
        }

        /** Smoothed success rate of the item; {@code leaveOut} removes one training answer (0 or 1), -1 none. */
        double itemRate(int item, int[] skills, int leaveOut) {
            double base = skillRate(skills);
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

        Model(Layout layout, Priors priors, double[] weights) {
            this.layout = layout;
            this.priors = priors;
            this.weights = weights;
        }

        @Override
        public String name() {
            return "lr";
        }

        @Override
        public Learner newLearner() {
            return new Learner();
        }

        /** Per-skill running state of one learner. */
        private static final class SkillState {
            int wins;
            int fails;
            double fastWins;
            double fastFails;
            double slowWins;
            double slowFails;
            double residual;
            int last;
            int lastAt;
            int streak;
            int failStreak;
        }

        final class Learner implements LearnerKnowledge {
            private SkillState[] skills = new SkillState[0];
            private final java.util.HashMap<Integer, int[]> items = new java.util.HashMap<>();
            private int wins;
            private int fails;
            private double residual;
            private double fastResidual;
            private int last;
            private int attempts;
            private int[] blockSkills = new int[0];
            private int blockTries;
            private int blockWins;
            private double lastSurprise;
            private int lastSkill = -1;

            private SkillState state(int skill) {
                return skill < skills.length ? skills[skill] : null;
            }

            /** Features of answering {@code item} now; {@code leaveOut} is the answer itself when fitting. */
            Features features(int item, int[] attemptSkills, Boolean leaveOut) {
                int sparse = (layout.knowsItem(item) ? 2 : 0);
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
                    }
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
                int[] itemHistory = item >= 0 ? items.get(item) : null;
                if (itemHistory != null) {
                    value[ITEM_TRIES] = Math.log1p(itemHistory[0]);
                    value[ITEM_LAST] = itemHistory[1];
                }
                if (layout.knowsItem(item)) {
                    index[next] = layout.item(item);
                    value[next++] = 1;
                    index[next] = layout.itemAbility(item);
                    value[next] = value[ABILITY];
                }
                return new Features(index, value);
            }

            @Override
            public double predict(int item, int[] attemptSkills) {
                Features row = features(item, attemptSkills, null);
                double z = 0;
                for (int k = 0; k < row.indices().length; k++) {
                    z += weights[row.indices()[k]] * row.values()[k];
                }
                return sigmoid(z);
            }

            @Override
            public void observe(Attempt attempt) {
                int outcome = attempt.correct() ? 1 : -1;
                double expected = priors.itemRate(attempt.item(), attempt.skills(), -1);
                double surprise = (attempt.correct() ? 1 : 0) - expected;
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
                    s.fastWins *= fastFactor;
                    s.fastFails *= fastFactor;
                    s.slowWins *= slowFactor;
                    s.slowFails *= slowFactor;
                    if (attempt.correct()) {
                        s.wins++;
                        s.fastWins++;
                        s.slowWins++;
                    } else {
                        s.fails++;
                        s.fastFails++;
                        s.slowFails++;
                    }
                    s.residual += surprise;
                    s.last = outcome;
                    s.streak = attempt.correct() ? s.streak + 1 : 0;
                    s.failStreak = attempt.correct() ? 0 : s.failStreak + 1;
                    s.lastAt = attempts;
                }
                if (attempt.item() >= 0) {
                    int[] history = items.computeIfAbsent(attempt.item(), k -> new int[2]);
                    history[0]++;
                    history[1] = outcome;
                }
                if (attempt.correct()) {
                    wins++;
                } else {
                    fails++;
                }
                if (!sameBlock(attempt.skills())) {
                    blockSkills = attempt.skills();
                    blockTries = 0;
                    blockWins = 0;
                }
                blockTries++;
                blockWins += attempt.correct() ? 1 : 0;
                lastSurprise = surprise;
                lastSkill = attempt.skills()[0];
                residual += surprise;
                fastResidual = fastResidual * FAST_DECAY + surprise * (1 - FAST_DECAY);
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
