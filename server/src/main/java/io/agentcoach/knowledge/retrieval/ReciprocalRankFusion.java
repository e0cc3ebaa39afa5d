package io.agentcoach.knowledge.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal-rank fusion (Cormack et al., 2009): an item scores the sum of {@code 1 / (k + rank)}
 * over the lists it appears in. It uses ranks only, so it needs no score calibration and no
 * weights tuned on one data set (docs/decisions/knowledge-hybrid-ranking.md).
 */
public final class ReciprocalRankFusion {

    /** The constant of the original paper; damps the influence of the very top ranks. */
    public static final int K = 60;

    private ReciprocalRankFusion() {
    }

    public static <T> List<Scored<T>> fuse(List<List<T>> rankings, Function<T, ?> key, int limit) {
        Map<Object, Scored<T>> fused = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                T item = ranking.get(rank);
                double add = 1.0 / (K + rank + 1);
                fused.merge(key.apply(item), new Scored<>(item, add), (a, b) -> new Scored<>(a.item(), a.score() + b.score()));
            }
        }
        List<Scored<T>> sorted = new ArrayList<>(fused.values());
        sorted.sort(Comparator.comparingDouble(Scored<T>::score).reversed());
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    /** An item with its fused score. */
    public record Scored<T>(T item, double score) {
    }
}
