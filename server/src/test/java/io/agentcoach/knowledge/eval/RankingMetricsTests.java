package io.agentcoach.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingMetricsTests {

    private final Map<String, Integer> relevant = Map.of("a", 1, "b", 2);

    @Test
    void ndcgIsOneForTheIdealOrderAndLowerOtherwise() {
        assertThat(RankingMetrics.ndcg(List.of("b", "a", "x"), relevant, 10)).isEqualTo(1.0, within(1e-9));
        // dcg = 1/log2(2) + 2/log2(4) = 2; idcg = 2/log2(2) + 1/log2(3)
        double expected = 2.0 / (2 + 1 / (Math.log(3) / Math.log(2)));
        assertThat(RankingMetrics.ndcg(List.of("a", "x", "b"), relevant, 10)).isEqualTo(expected, within(1e-9));
        assertThat(RankingMetrics.ndcg(List.of("x", "y"), relevant, 10)).isZero();
    }

    @Test
    void recallAndReciprocalRankRespectTheCutoff() {
        assertThat(RankingMetrics.recall(List.of("x", "a", "b"), relevant, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.recall(List.of("x", "a", "b"), relevant, 100)).isEqualTo(1.0);
        assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "b"), relevant, 10)).isEqualTo(1.0 / 3);
        assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "b"), relevant, 2)).isZero();
    }
}
