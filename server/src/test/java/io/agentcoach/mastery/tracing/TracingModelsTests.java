package io.agentcoach.mastery.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TracingModelsTests {

    /**
     * Synthetic learners who each learn each of three skills after a few practice attempts, on
     * items of very different difficulty: item 0-9 easy, 10-19 hard.
     */
    static List<LearnerSequence> learners(int count, long seed) {
        Random random = new Random(seed);
        List<LearnerSequence> sequences = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            double ability = random.nextGaussian() * 0.7;
            List<Attempt> attempts = new ArrayList<>();
            int[] practice = new int[3];
            for (int a = 0; a < 30; a++) {
                int skill = random.nextInt(3);
                int item = skill * 20 + random.nextInt(20);
                boolean hard = item % 20 >= 10;
                double logit = ability + (hard ? -1.5 : 1.2) + 0.35 * practice[skill] - 1;
                boolean correct = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                attempts.add(new Attempt(item, new int[] {skill}, correct));
                practice[skill]++;
            }
            sequences.add(LearnerSequence.of("l" + l, attempts));
        }
        return sequences;
    }

    static Metrics score(TracingModel model, List<LearnerSequence> test) {
        int rows = test.stream().mapToInt(s -> s.attempts().size()).sum();
        double[] predictions = new double[rows];
        boolean[] outcomes = new boolean[rows];
        EvaluateKnowledgeTracing.replayMicros(model, test, predictions, outcomes);
        return Metrics.of(predictions, outcomes, rows);
    }

    @Test
    void logisticModelLearnsItemDifficultyAndPracticeAndBeatsBkt() {
        List<LearnerSequence> train = learners(400, 1);
        List<LearnerSequence> test = learners(150, 2);
        Metrics lr = score(new LogisticKnowledgeTracing().fit(train, 60, 3), test);
        Metrics bkt = score(new BayesianKnowledgeTracing().fit(train, 60, 3), test);
        assertThat(lr.auc()).isGreaterThan(0.75);
        assertThat(lr.auc()).isGreaterThan(bkt.auc());
        assertThat(bkt.auc()).isGreaterThan(0.55);
    }

    @Test
    void logisticModelPredictsEasyItemsAboveHardOnesAndHandlesUnseenIds() {
        TracingModel model = new LogisticKnowledgeTracing().fit(learners(400, 3), 60, 3);
        LearnerKnowledge learner = model.newLearner();
        assertThat(learner.predict(0, new int[] {0})).isGreaterThan(learner.predict(15, new int[] {0}) + 0.2);
        double unseen = learner.predict(999, new int[] {42});
        assertThat(unseen).isBetween(0.05, 0.95);
        learner.observe(new Attempt(999, new int[] {42}, true));
        assertThat(learner.attempts()).isEqualTo(1);
    }

    @Test
    void masteryRisesWithCorrectAnswersAndFallsWithWrongOnes() {
        List<LearnerSequence> train = learners(400, 4);
        for (KnowledgeTracer tracer : EvaluateKnowledgeTracing.tracers()) {
            TracingModel model = tracer.fit(train, 60, 3);
            LearnerKnowledge good = model.newLearner();
            LearnerKnowledge poor = model.newLearner();
            double start = good.mastery(1);
            for (int i = 0; i < 5; i++) {
                good.observe(new Attempt(25 + i, new int[] {1}, true));
                poor.observe(new Attempt(25 + i, new int[] {1}, false));
            }
            assertThat(good.mastery(1)).as(tracer.name()).isGreaterThan(start);
            assertThat(poor.mastery(1)).as(tracer.name()).isLessThan(good.mastery(1));
            assertThat(good.mastery(1)).as(tracer.name()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aRightAnswerAfterHintsCountsLessThanAnUnaidedOneAndMoreThanAWrongOne() {
        List<LearnerSequence> train = learners(400, 6);
        for (KnowledgeTracer tracer : EvaluateKnowledgeTracing.tracers()) {
            TracingModel model = tracer.fit(train, 60, 3);
            LearnerKnowledge unaided = model.newLearner();
            LearnerKnowledge hinted = model.newLearner();
            LearnerKnowledge wrong = model.newLearner();
            for (int i = 0; i < 3; i++) {
                unaided.observe(new Attempt(45 + i, new int[] {2}, true));
                hinted.observe(new Attempt(45 + i, new int[] {2}, true, 0.5));
                wrong.observe(new Attempt(45 + i, new int[] {2}, false));
            }
            assertThat(hinted.mastery(2)).as(tracer.name()).isLessThan(unaided.mastery(2));
            assertThat(hinted.mastery(2)).as(tracer.name()).isGreaterThan(wrong.mastery(2));
        }
    }

    @Test
    void logisticModelChoosesItsPassesAndPenaltyOnHeldOutTrainingLearners() {
        LogisticKnowledgeTracing.Model tuned = new LogisticKnowledgeTracing().fit(learners(300, 8), 60, 3);
        assertThat(tuned.hyperParameters().validationAuc()).isGreaterThan(0.7);
        assertThat(tuned.hyperParameters().epochs()).isBetween(1, LogisticKnowledgeTracing.MAX_EPOCHS);
        assertThat(LogisticKnowledgeTracing.L2_GRID).contains(tuned.hyperParameters().l2());
        // too few learners to hold some out: the defaults, said so
        LogisticKnowledgeTracing.Model small = new LogisticKnowledgeTracing().fit(learners(20, 9), 60, 3);
        assertThat(small.hyperParameters().validationAuc()).isNaN();
        assertThat(small.hyperParameters().epochs()).isEqualTo(LogisticKnowledgeTracing.DEFAULT_EPOCHS);
    }

    @Test
    void predictingManyItemsAtOnceEqualsPredictingEachAlone() {
        for (KnowledgeTracer tracer : EvaluateKnowledgeTracing.tracers()) {
            LearnerKnowledge learner = tracer.fit(learners(200, 10), 60, 3).newLearner();
            learner.observe(new Attempt(3, new int[] {0}, true));
            learner.observe(new Attempt(25, new int[] {1}, false));
            learner.observe(new Attempt(3, new int[] {0}, false, 0));
            int[] first = {0};
            int[] second = {1};
            int[] both = {0, 1};
            int[] items = {3, 4, 15, Attempt.NO_ITEM, 999, 25, 30, 3};
            int[][] skills = {first, first, first, first, first, second, both, both};
            double[] together = learner.predictAll(items, skills);
            for (int i = 0; i < items.length; i++) {
                assertThat(together[i]).as(tracer.name() + " item " + items[i])
                        .isCloseTo(learner.predict(items[i], skills[i]), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void creditOutsideZeroToOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Attempt(1, new int[] {0}, true, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bktRecoversParametersOfSimulatedLearners() {
        Random random = new Random(5);
        BayesianKnowledgeTracing.Params truth = new BayesianKnowledgeTracing.Params(0.2, 0.15, 0.2, 0.1);
        List<boolean[]> sequences = new ArrayList<>();
        for (int l = 0; l < 2000; l++) {
            boolean known = random.nextDouble() < truth.prior();
            boolean[] answers = new boolean[12];
            for (int t = 0; t < answers.length; t++) {
                answers[t] = known ? random.nextDouble() > truth.slip() : random.nextDouble() < truth.guess();
                known = known || random.nextDouble() < truth.learn();
            }
            sequences.add(answers);
        }
        BayesianKnowledgeTracing.Params fitted = new BayesianKnowledgeTracing(60)
                .fitSkill(sequences, new BayesianKnowledgeTracing.Params(0.4, 0.1, 0.2, 0.1));
        assertThat(fitted.prior()).isBetween(0.12, 0.28);
        assertThat(fitted.learn()).isBetween(0.1, 0.2);
        assertThat(fitted.guess()).isBetween(0.15, 0.25);
        assertThat(fitted.slip()).isBetween(0.06, 0.14);
    }

    @Test
    void metricsMatchHandComputedValues() {
        Metrics m = Metrics.of(new double[] {0.9, 0.8, 0.3, 0.8}, new boolean[] {true, false, false, true}, 4);
        // positives 0.9, 0.8 vs negatives 0.8, 0.3: pairs won 1 + 1 + 0.5 + 1 of 4
        assertThat(m.auc()).isEqualTo(0.875);
        assertThat(m.accuracy()).isEqualTo(0.75);
        assertThat(m.rmse()).isCloseTo(Math.sqrt((0.01 + 0.64 + 0.09 + 0.04) / 4), org.assertj.core.data.Offset.offset(1e-12));
    }
}
