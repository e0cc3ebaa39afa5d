package io.agentcoach.mastery.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classical Bayesian knowledge tracing (Corbett and Anderson): a two-state hidden Markov model
 * per skill (known / not known) with prior, learn, guess and slip probabilities, fitted per
 * skill by expectation maximisation (Baum-Welch). A multi-skill attempt is predicted as the mean
 * of its skills' predictions and updates each of them. Skills never seen in training use the
 * parameters fitted on all skills pooled.
 */
public final class BayesianKnowledgeTracing implements KnowledgeTracer {

    static final double MAX_GUESS = 0.3;
    static final double MAX_SLIP = 0.3;
    private final int iterations;

    public BayesianKnowledgeTracing() {
        this(25);
    }

    public BayesianKnowledgeTracing(int iterations) {
        this.iterations = iterations;
    }

    @Override
    public String name() {
        return "bkt";
    }

    /** A model for when there is nothing to fit from yet: the same usual parameters for every skill. */
    public static Model unfitted() {
        return new Model(new Params[0], Params.START);
    }

    @Override
    public Model fit(List<LearnerSequence> training, int itemCount, int skillCount) {
        List<List<boolean[]>> bySkill = new ArrayList<>(skillCount);
        for (int s = 0; s < skillCount; s++) {
            bySkill.add(new ArrayList<>());
        }
        List<boolean[]> pooled = new ArrayList<>();
        for (LearnerSequence sequence : training) {
            List<List<Boolean>> perSkill = new ArrayList<>();
            int[] touched = new int[skillCount];
            Arrays.fill(touched, -1);
            for (Attempt attempt : sequence.attempts()) {
                for (int skill : attempt.skills()) {
                    if (touched[skill] < 0) {
                        touched[skill] = perSkill.size();
                        perSkill.add(new ArrayList<>());
                    }
                    perSkill.get(touched[skill]).add(attempt.correct());
                }
            }
            for (int s = 0; s < skillCount; s++) {
                if (touched[s] >= 0) {
                    boolean[] outcomes = toArray(perSkill.get(touched[s]));
                    bySkill.get(s).add(outcomes);
                    pooled.add(outcomes);
                }
            }
        }
        Params fallback = pooled.isEmpty() ? Params.START : fitSkill(pooled, Params.START);
        Params[] params = new Params[skillCount];
        for (int s = 0; s < skillCount; s++) {
            params[s] = bySkill.get(s).isEmpty() ? fallback : fitSkill(bySkill.get(s), fallback);
        }
        return new Model(params, fallback);
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] result = new boolean[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    /** Baum-Welch for one skill, with guess and slip capped so the model stays identifiable. */
    Params fitSkill(List<boolean[]> sequences, Params start) {
        Params p = start;
        int longest = sequences.stream().mapToInt(s -> s.length).max().orElse(0);
        double[] alpha = new double[longest];
        double[] betaK = new double[longest];
        double[] betaU = new double[longest];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double priorKnown = 0;
            double learnNumerator = 0;
            double learnDenominator = 0;
            double guessNumerator = 0;
            double guessDenominator = 0;
            double slipNumerator = 0;
            double slipDenominator = 0;
            for (boolean[] obs : sequences) {
                int n = obs.length;
                // alpha[t] = P(known at t | answers up to t)
                for (int t = 0; t < n; t++) {
                    double prior = t == 0 ? p.prior() : alpha[t - 1] + (1 - alpha[t - 1]) * p.learn();
                    double known = prior * emission(p, true, obs[t]);
                    double unknown = (1 - prior) * emission(p, false, obs[t]);
                    alpha[t] = clamp(known / (known + unknown), 1e-12, 1 - 1e-12);
                }
                // backward pass, each step normalised (only ratios between the states matter)
                betaK[n - 1] = 1;
                betaU[n - 1] = 1;
                for (int t = n - 2; t >= 0; t--) {
                    double eKnown = emission(p, true, obs[t + 1]);
                    double eUnknown = emission(p, false, obs[t + 1]);
                    double k = eKnown * betaK[t + 1];
                    double u = p.learn() * eKnown * betaK[t + 1] + (1 - p.learn()) * eUnknown * betaU[t + 1];
                    // floored so that long runs cannot underflow one state to exactly zero
                    betaK[t] = Math.max(k / (k + u), 1e-12);
                    betaU[t] = Math.max(u / (k + u), 1e-12);
                }
                for (int t = 0; t < n; t++) {
                    double k = alpha[t] * betaK[t];
                    double u = (1 - alpha[t]) * betaU[t];
                    double known = k / (k + u);
                    if (t == 0) {
                        priorKnown += known;
                    }
                    if (obs[t]) {
                        guessNumerator += 1 - known;
                    } else {
                        slipNumerator += known;
                    }
                    guessDenominator += 1 - known;
                    slipDenominator += known;
                    if (t + 1 < n) {
                        // expected unknown -> known transitions at t
                        double eKnown = emission(p, true, obs[t + 1]);
                        double eUnknown = emission(p, false, obs[t + 1]);
                        double toKnown = (1 - alpha[t]) * p.learn() * eKnown * betaK[t + 1];
                        double all = alpha[t] * eKnown * betaK[t + 1] + toKnown
                                + (1 - alpha[t]) * (1 - p.learn()) * eUnknown * betaU[t + 1];
                        learnNumerator += toKnown / all;
                        learnDenominator += u / (k + u);
                    }
                }
            }
            p = new Params(
                    clamp(priorKnown / sequences.size(), 0.01, 0.99),
                    clamp(learnNumerator / Math.max(learnDenominator, 1e-9), 0.005, 0.5),
                    clamp(guessNumerator / Math.max(guessDenominator, 1e-9), 0.01, MAX_GUESS),
                    clamp(slipNumerator / Math.max(slipDenominator, 1e-9), 0.01, MAX_SLIP));
        }
        return p;
    }

    private static double emission(Params p, boolean known, boolean correct) {
        if (known) {
            return correct ? 1 - p.slip() : p.slip();
        }
        return correct ? p.guess() : 1 - p.guess();
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** One skill's parameters. */
    public record Params(double prior, double learn, double guess, double slip) {
        static final Params START = new Params(0.4, 0.1, 0.2, 0.1);

        double correctGiven(double known) {
            return known * (1 - slip) + (1 - known) * guess;
        }

        /** Posterior after the observation, then the chance to learn. */
        double update(double known, boolean correct) {
            return update(known, correct ? 1 : 0);
        }

        /**
         * As {@link #update(double, boolean)} for an answer worth {@code credit} (0 to 1): the
         * posterior is the credit-weighted mix of the posteriors after a right and a wrong answer,
         * so a right answer after hints moves the estimate less than an unaided one.
         */
        double update(double known, double credit) {
            double afterRight = known * (1 - slip) / correctGiven(known);
            double afterWrong = known * slip / (1 - correctGiven(known));
            double posterior = credit * afterRight + (1 - credit) * afterWrong;
            return posterior + (1 - posterior) * learn;
        }
    }

    /** The fitted per-skill parameters. */
    public static final class Model implements TracingModel {
        private final Params[] params;
        private final Params fallback;

        Model(Params[] params, Params fallback) {
            this.params = params;
            this.fallback = fallback;
        }

        @Override
        public String name() {
            return "bkt";
        }

        public Params params(int skill) {
            return skill >= 0 && skill < params.length ? params[skill] : fallback;
        }

        @Override
        public LearnerKnowledge newLearner() {
            return new Learner();
        }

        private final class Learner implements LearnerKnowledge {
            private double[] known = new double[0];
            private boolean[] seen = new boolean[0];
            private int attempts;

            private double known(int skill) {
                return skill < seen.length && seen[skill] ? known[skill] : params(skill).prior();
            }

            @Override
            public double predict(int item, int[] skills) {
                double sum = 0;
                for (int skill : skills) {
                    sum += params(skill).correctGiven(known(skill));
                }
                return sum / skills.length;
            }

            @Override
            public void observe(Attempt attempt) {
                for (int skill : attempt.skills()) {
                    double updated = params(skill).update(known(skill), attempt.credit());
                    if (skill >= seen.length) {
                        int size = Math.max(skill + 1, seen.length * 2);
                        known = Arrays.copyOf(known, size);
                        seen = Arrays.copyOf(seen, size);
                    }
                    known[skill] = updated;
                    seen[skill] = true;
                }
                attempts++;
            }

            @Override
            public double mastery(int skill) {
                return known(skill);
            }

            @Override
            public int attempts() {
                return attempts;
            }
        }
    }
}
