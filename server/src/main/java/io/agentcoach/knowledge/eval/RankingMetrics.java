package io.agentcoach.knowledge.eval;

import java.util.List;
import java.util.Map;

/**
 * The standard TREC/BEIR measures of one ranked list against graded judgements, with linear gain
 * as trec_eval computes nDCG. Averaging over queries is the caller's.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    public static double ndcg(List<String> ranking, Map<String, Integer> relevant, int cutoff) {
        double dcg = 0;
        for (int i = 0; i < Math.min(cutoff, ranking.size()); i++) {
            int gain = relevant.getOrDefault(ranking.get(i), 0);
            if (gain > 0) {
                dcg += gain / log2(i + 2);
            }
        }
        List<Integer> ideal = relevant.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(cutoff, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranking, Map<String, Integer> relevant, int cutoff) {
        long total = relevant.values().stream().filter(g -> g > 0).count();
        if (total == 0) {
            return 0;
        }
        long found = ranking.stream().limit(cutoff).filter(id -> relevant.getOrDefault(id, 0) > 0).count();
        return (double) found / total;
    }

    public static double reciprocalRank(List<String> ranking, Map<String, Integer> relevant, int cutoff) {
        for (int i = 0; i < Math.min(cutoff, ranking.size()); i++) {
            if (relevant.getOrDefault(ranking.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
