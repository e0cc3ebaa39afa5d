package io.agentcoach.mastery.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The logistic model's sequence-context and skill-combination features see the learner's past only. */
class LogisticFeaturesTests {

    static final int A = 0;
    static final int B = 1;
    static final int[] ONE = {0};
    static final int[] BOTH = {0, 1};

    /**
     * Five learners answer item A wrong, then item B (on both skills) right; a sixth answers A
     * wrong, then B with the given outcome.
     */
    static List<LearnerSequence> training(boolean lastLearnerRight) {
        List<LearnerSequence> sequences = new ArrayList<>();
        for (int l = 0; l < 6; l++) {
            boolean right = l < 5 || lastLearnerRight;
            sequences.add(LearnerSequence.of("l" + l,
                    List.of(new Attempt(A, ONE, false), new Attempt(B, BOTH, right))));
        }
        return sequences;
    }

    static LogisticKnowledgeTracing.Model blank(List<LearnerSequence> training) {
        LogisticKnowledgeTracing.Layout layout = new LogisticKnowledgeTracing.Layout(2, 2);
        LogisticKnowledgeTracing.Priors priors = LogisticKnowledgeTracing.Priors.count(training, 2, 2);
        return new LogisticKnowledgeTracing.Model(layout, priors, new double[layout.size()], null);
    }

    /** The features of the sixth learner's answer on B, as fitting computes them (its own answer left out) or not. */
    static double[] lastAnswer(boolean lastLearnerRight, Boolean leaveOut) {
        LogisticKnowledgeTracing.Model.Learner learner = blank(training(lastLearnerRight)).newLearner();
        learner.observe(new Attempt(A, ONE, false));
        return learner.features(B, BOTH, leaveOut).values();
    }

    @Test
    void sequenceContextAndCombinationRateLeaveTheFittedAnswerOut() {
        for (boolean right : new boolean[] {true, false}) {
            LogisticKnowledgeTracing.Priors priors = LogisticKnowledgeTracing.Priors.count(training(right), 2, 2);
            int own = right ? 1 : 0;
            double[] fitted = lastAnswer(right, right);
            // as fitting sees the sixth learner's answer on B: the other five answers only (all right)
            int[] others = {5, 5};
            assertThat(fitted[LogisticKnowledgeTracing.AFTER_SEEN]).isEqualTo(Math.log1p(5));
            assertThat(fitted[LogisticKnowledgeTracing.AFTER_SHIFT]).isCloseTo(
                    LogisticKnowledgeTracing.Priors.shift(others, -1, priors.itemRate(B, BOTH, own),
                            LogisticKnowledgeTracing.AFTER_SMOOTHING), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(fitted[LogisticKnowledgeTracing.COMBINATION_SHIFT]).isCloseTo(
                    LogisticKnowledgeTracing.Priors.shift(others, -1, priors.skillRate(BOTH, own),
                            LogisticKnowledgeTracing.COMBINATION_SMOOTHING), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(fitted[LogisticKnowledgeTracing.AFTER_SHIFT]).isPositive();
        }
        // a new answer (nothing left out) reads all six, so the sixth learner's outcome shows there
        double[] onlineRight = lastAnswer(true, null);
        double[] onlineWrong = lastAnswer(false, null);
        assertThat(onlineRight[LogisticKnowledgeTracing.AFTER_SEEN]).isEqualTo(Math.log1p(6));
        assertThat(onlineRight[LogisticKnowledgeTracing.AFTER_SHIFT])
                .isGreaterThan(onlineWrong[LogisticKnowledgeTracing.AFTER_SHIFT]);
        assertThat(onlineRight[LogisticKnowledgeTracing.COMBINATION_SHIFT])
                .isGreaterThan(onlineWrong[LogisticKnowledgeTracing.COMBINATION_SHIFT]);
    }

    /**
     * Every training rate of a fitted row equals the one counted without that row: the item's
     * rate, its skills' (the item's back-off and the combination's base) and the sequence context.
     */
    @Test
    void fittedRowsTrainingRatesComeFromTheOtherAnswersOnly() {
        int[] rates = {LogisticKnowledgeTracing.ITEM_PRIOR, LogisticKnowledgeTracing.AFTER_SEEN,
                LogisticKnowledgeTracing.AFTER_SHIFT, LogisticKnowledgeTracing.COMBINATION_SHIFT};
        for (boolean right : new boolean[] {true, false}) {
            double[] fitted = lastAnswer(right, right);
            // the same training data without the sixth learner's answer on B
            List<LearnerSequence> others = new ArrayList<>(training(right).subList(0, 5));
            others.add(LearnerSequence.of("l5", List.of(new Attempt(A, ONE, false))));
            LogisticKnowledgeTracing.Model.Learner learner = blank(others).newLearner();
            learner.observe(new Attempt(A, ONE, false));
            double[] withoutIt = learner.features(B, BOTH, null).values();
            for (int feature : rates) {
                assertThat(fitted[feature]).as("feature %d, answer right: %s", feature, right)
                        .isCloseTo(withoutIt[feature], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void sequenceContextFollowsTheLearnersOwnPreviousAnswer() {
        LogisticKnowledgeTracing.Model model = blank(training(true));
        LogisticKnowledgeTracing.Model.Learner learner = model.newLearner();
        // no previous answer yet: no context
        assertThat(learner.features(B, BOTH, null).values()[LogisticKnowledgeTracing.AFTER_SEEN]).isZero();
        // A answered right: B after a right A never happened in training
        learner.observe(new Attempt(A, ONE, true));
        assertThat(learner.features(B, BOTH, null).values()[LogisticKnowledgeTracing.AFTER_SEEN]).isZero();
        // A answered wrong: the six training answers on B after a wrong A
        learner.observe(new Attempt(A, ONE, false));
        assertThat(learner.features(B, BOTH, null).values()[LogisticKnowledgeTracing.AFTER_SEEN])
                .isEqualTo(Math.log1p(6));
    }

    @Test
    void combinationCountsAreTheLearnersEarlierAnswersOnExactlyThoseSkills() {
        LogisticKnowledgeTracing.Model.Learner learner = blank(training(true)).newLearner();
        learner.observe(new Attempt(A, ONE, true));
        double[] before = learner.features(B, BOTH, null).values();
        // an answer on skill 0 alone is not an answer on the combination {0, 1}
        assertThat(before[LogisticKnowledgeTracing.COMBINATION_WINS]).isZero();
        assertThat(before[LogisticKnowledgeTracing.COMBINATION_FAILS]).isZero();
        // the combination is the set of skills, in any order; counted only once observed
        learner.observe(new Attempt(B, new int[] {1, 0}, false));
        learner.observe(new Attempt(B, BOTH, true, 0.5));
        double[] after = learner.features(B, BOTH, null).values();
        assertThat(after[LogisticKnowledgeTracing.COMBINATION_WINS]).isEqualTo(Math.log1p(0.5));
        assertThat(after[LogisticKnowledgeTracing.COMBINATION_FAILS]).isEqualTo(Math.log1p(1.5));
    }

    static final int C = 2;

    /**
     * Earlier answers' context: four learners answer C right, then A, then B right; a fifth
     * answers C right, A, then B with the given outcome; a sixth answers C wrong, A, then B wrong.
     * B's answer is two answers after C's (lag 2): not the immediate previous one.
     */
    static List<LearnerSequence> earlierTraining(boolean fifthRight) {
        List<LearnerSequence> sequences = new ArrayList<>();
        for (int l = 0; l < 6; l++) {
            boolean cRight = l < 5;
            boolean bRight = l < 4 || l == 4 && fifthRight;
            sequences.add(LearnerSequence.of("l" + l, List.of(new Attempt(C, ONE, cRight), new Attempt(A, ONE, true),
                    new Attempt(B, BOTH, bRight))));
        }
        return sequences;
    }

    static LogisticKnowledgeTracing.Model.Learner afterCThenA(List<LearnerSequence> training, boolean cRight) {
        LogisticKnowledgeTracing.Model.Learner learner = freshLearner(training);
        learner.observe(new Attempt(C, ONE, cRight));
        learner.observe(new Attempt(A, ONE, true));
        return learner;
    }

    /** As fitting sees the fifth learner's answer on B, its earlier-answers context counts the other answers only. */
    @Test
    void earlierAnswersContextOfAFittedRowComesFromTheOtherAnswersOnly() {
        for (boolean right : new boolean[] {true, false}) {
            double[] fitted = afterCThenA(earlierTraining(right), true).features(B, BOTH, right).values();
            List<LearnerSequence> others = new ArrayList<>(earlierTraining(right));
            others.set(4, LearnerSequence.of("l4", List.of(new Attempt(C, ONE, true), new Attempt(A, ONE, true))));
            double[] withoutIt = afterCThenA(others, true).features(B, BOTH, null).values();
            // four other answers on B two answers after a right C, all right
            assertThat(fitted[LogisticKnowledgeTracing.EARLIER_SEEN]).isEqualTo(Math.log1p(4));
            assertThat(fitted[LogisticKnowledgeTracing.EARLIER_SHIFT]).isPositive();
            for (int feature : new int[] {LogisticKnowledgeTracing.EARLIER_SEEN, LogisticKnowledgeTracing.EARLIER_SHIFT}) {
                assertThat(fitted[feature]).as("feature %d, answer right: %s", feature, right)
                        .isCloseTo(withoutIt[feature], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        // a new answer reads all five, so the fifth learner's outcome shows there
        double[] right = afterCThenA(earlierTraining(true), true).features(B, BOTH, null).values();
        double[] wrong = afterCThenA(earlierTraining(false), true).features(B, BOTH, null).values();
        assertThat(right[LogisticKnowledgeTracing.EARLIER_SEEN]).isEqualTo(Math.log1p(5));
        assertThat(right[LogisticKnowledgeTracing.EARLIER_SHIFT]).isGreaterThan(wrong[LogisticKnowledgeTracing.EARLIER_SHIFT]);
    }

    @Test
    void earlierAnswersContextFollowsTheLearnersOwnAnswersFromTwoToLagsBack() {
        List<LearnerSequence> training = earlierTraining(true);
        // C wrong two answers back: the sixth learner's answer on B after a wrong C, which was wrong
        LogisticKnowledgeTracing.Model.Learner wrongC = afterCThenA(training, false);
        assertThat(wrongC.features(B, BOTH, null).values()[LogisticKnowledgeTracing.EARLIER_SEEN]).isEqualTo(Math.log1p(1));
        assertThat(wrongC.features(B, BOTH, null).values()[LogisticKnowledgeTracing.EARLIER_SHIFT]).isNegative();
        // C as the previous answer is the sequence context's (lag 1), not this one's
        LogisticKnowledgeTracing.Model.Learner justC = freshLearner(training);
        justC.observe(new Attempt(C, ONE, true));
        assertThat(justC.features(B, BOTH, null).values()[LogisticKnowledgeTracing.EARLIER_SEEN]).isZero();
        // once C is more than the window's length back it no longer counts
        int window = LogisticKnowledgeTracing.Priors.count(training, 3, 2).lags();
        assertThat(window).isEqualTo(LogisticKnowledgeTracing.LAG_CHOICES[0]);
        LogisticKnowledgeTracing.Model.Learner learner = afterCThenA(training, true);
        for (int k = 2; k <= window; k++) {
            assertThat(learner.features(B, BOTH, null).values()[LogisticKnowledgeTracing.EARLIER_SEEN])
                    .as("C %d answers back", k).isEqualTo(Math.log1p(5));
            learner.observe(new Attempt(Attempt.NO_ITEM, ONE, true));
        }
        assertThat(learner.features(B, BOTH, null).values()[LogisticKnowledgeTracing.EARLIER_SEEN]).isZero();
    }

    static LogisticKnowledgeTracing.Model.Learner freshLearner(List<LearnerSequence> training) {
        LogisticKnowledgeTracing.Layout layout = new LogisticKnowledgeTracing.Layout(3, 2);
        LogisticKnowledgeTracing.Priors priors = LogisticKnowledgeTracing.Priors.count(training, 3, 2);
        return new LogisticKnowledgeTracing.Model(layout, priors, new double[layout.size()], null).newLearner();
    }

    /** The window is the longest whose pairs fit the budget: a long log gets a shorter one. */
    @Test
    void earlierAnswersWindowShrinksWithTheTrainingDataNotItsOutcomes() {
        List<Attempt> attempts = new ArrayList<>();
        for (int t = 0; t < 100_000; t++) {
            attempts.add(new Attempt(t % 50, ONE, t % 3 == 0));
        }
        List<LearnerSequence> longLog = List.of(LearnerSequence.of("long", attempts));
        // 199 pairs per answer at 200 answers back would be 19.9 million, over the budget; 80 back, 7.9 million
        assertThat(LogisticKnowledgeTracing.Priors.window(longLog)).isEqualTo(80);
        assertThat(LogisticKnowledgeTracing.Priors.window(earlierTraining(true))).isEqualTo(200);
        LogisticKnowledgeTracing.Priors counted = LogisticKnowledgeTracing.Priors.count(longLog, 50, 1);
        assertThat(counted.lags()).isEqualTo(80);
        // each (earlier item, outcome, item) once per answer: 50 items x 2 outcomes x 50 items at most
        assertThat(counted.earlier().size()).isLessThanOrEqualTo(50 * 2 * 50);
    }

    @Test
    void pairCountsKeepEveryKeysAnswersAcrossGrowth() {
        PairCounts counts = new PairCounts();
        for (int k = 0; k < 20_000; k++) {
            long key = LogisticKnowledgeTracing.Priors.afterKey(k, k % 2 == 0, k % 7);
            for (int answer = 0; answer <= k % 3; answer++) {
                counts.add(key, answer == 0);
            }
        }
        assertThat(counts.size()).isEqualTo(20_000);
        for (int k = 0; k < 20_000; k++) {
            assertThat(counts.get(LogisticKnowledgeTracing.Priors.afterKey(k, k % 2 == 0, k % 7)))
                    .containsExactly(k % 3 + 1, 1);
        }
        assertThat(counts.get(LogisticKnowledgeTracing.Priors.afterKey(3, true, 3))).isNull();
    }
}
