package io.agentcoach.mastery.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GradientBoostedKnowledgeTracingTests {

    /**
     * Learners for whom an item's difficulty flips with practice: easy items (0-9 of each skill)
     * are answered well by novices and poorly after five attempts on the skill, hard items (10-19)
     * the other way round. The effect lies in the product of the practice count and the item's
     * difficulty, which a sum of weighted features cannot express.
     */
    static List<LearnerSequence> flipping(int count, long seed) {
        Random random = new Random(seed);
        List<LearnerSequence> sequences = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            List<Attempt> attempts = new ArrayList<>();
            int[] practice = new int[3];
            for (int a = 0; a < 30; a++) {
                int skill = random.nextInt(3);
                int item = skill * 20 + random.nextInt(20);
                double easy = item % 20 < 10 ? 1 : -1;
                double logit = 0.8 * easy + 2.5 * easy * (practice[skill] < 5 ? 1 : -1);
                boolean correct = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                attempts.add(new Attempt(item, new int[] {skill}, correct));
                practice[skill]++;
            }
            sequences.add(LearnerSequence.of("l" + l, attempts));
        }
        return sequences;
    }

    @Test
    void learnsAnInteractionTheLogisticModelCannot() {
        List<LearnerSequence> train = flipping(600, 1);
        List<LearnerSequence> test = flipping(200, 2);
        Metrics gbt = TracingModelsTests.score(new GradientBoostedKnowledgeTracing().fit(train, 60, 3), test);
        Metrics lr = TracingModelsTests.score(new LogisticKnowledgeTracing().fit(train, 60, 3), test);
        assertThat(gbt.auc()).isGreaterThan(0.8);
        assertThat(gbt.auc()).isGreaterThan(lr.auc() + 0.05);
    }

    @Test
    void predictionsAreProbabilitiesAlsoForUnseenItemsAndSkills() {
        TracingModel model = new GradientBoostedKnowledgeTracing().fit(TracingModelsTests.learners(300, 3), 60, 3);
        LearnerKnowledge learner = model.newLearner();
        int[][] skills = {{0}, {1}, {0, 2}, {42}, {0, 42}};
        int[] items = {0, 15, 30, Attempt.NO_ITEM, 999};
        for (int step = 0; step < 20; step++) {
            for (int[] s : skills) {
                for (int item : items) {
                    assertThat(learner.predict(item, s)).isStrictlyBetween(0.0, 1.0);
                }
            }
            learner.observe(new Attempt(items[step % items.length], skills[step % skills.length], step % 3 != 0));
        }
        assertThat(learner.attempts()).isEqualTo(20);
    }

    @Test
    void fittingAndUpdatingAreDeterministic() {
        List<LearnerSequence> train = TracingModelsTests.learners(300, 4);
        List<LearnerSequence> test = TracingModelsTests.learners(40, 5);
        TracingModel first = new GradientBoostedKnowledgeTracing().fit(train, 60, 3);
        TracingModel second = new GradientBoostedKnowledgeTracing().fit(train, 60, 3);
        for (LearnerSequence sequence : test) {
            LearnerKnowledge a = first.newLearner();
            LearnerKnowledge b = second.newLearner();
            LearnerKnowledge again = first.newLearner();
            for (Attempt attempt : sequence.attempts()) {
                double p = a.predict(attempt.item(), attempt.skills());
                assertThat(b.predict(attempt.item(), attempt.skills())).isEqualTo(p);
                assertThat(again.predict(attempt.item(), attempt.skills())).isEqualTo(p);
                a.observe(attempt);
                b.observe(attempt);
                again.observe(attempt);
            }
        }
    }

    @Test
    void describesItsFitAndIsTheLogisticModelWhenTooFewLearnersToHoldOut() {
        GradientBoostedKnowledgeTracing.Model model = new GradientBoostedKnowledgeTracing().fit(flipping(400, 6), 60, 3);
        assertThat(model.describe()).startsWith("trees=").contains("on lr epochs=");
        // too few learners to hold any out: the logistic model alone, said so
        GradientBoostedKnowledgeTracing.Model small = new GradientBoostedKnowledgeTracing().fit(flipping(20, 7), 60, 3);
        assertThat(small.describe()).startsWith("trees=0 (too few learners)");
        LearnerKnowledge learner = small.newLearner();
        TracingModel linear = new LogisticKnowledgeTracing().fit(flipping(20, 7), 60, 3);
        assertThat(learner.predict(3, new int[] {0})).isEqualTo(linear.newLearner().predict(3, new int[] {0}));
    }

    /** Outcomes that nothing predicts: right 60% of the time whoever answers whatever. */
    static List<LearnerSequence> noise(int count, long seed) {
        Random random = new Random(seed);
        List<LearnerSequence> sequences = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            List<Attempt> attempts = new ArrayList<>();
            for (int a = 0; a < 30; a++) {
                int skill = random.nextInt(3);
                attempts.add(new Attempt(skill * 20 + random.nextInt(20), new int[] {skill}, random.nextDouble() < 0.6));
            }
            sequences.add(LearnerSequence.of("l" + l, attempts));
        }
        return sequences;
    }

    /** The number of trees is chosen on held-out training learners: few where there is nothing to learn. */
    @Test
    void keepsFewTreesOnNoiseAndManyWhereThereIsAnInteractionToLearn() {
        for (long seed = 1; seed <= 2; seed++) {
            GradientBoostedKnowledgeTracing.Fit onNoise = new GradientBoostedKnowledgeTracing().fit(noise(600, seed), 60, 3).fit();
            GradientBoostedKnowledgeTracing.Fit onSignal =
                    new GradientBoostedKnowledgeTracing().fit(flipping(600, seed), 60, 3).fit();
            assertThat(onNoise.trees()).as("trees on noise, seed %d", seed).isLessThan(25);
            assertThat(onSignal.trees()).as("trees on the flipping interaction, seed %d", seed).isGreaterThan(50);
        }
    }
}
