package io.agentcoach.mastery.path;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.tracing.Attempt;
import io.agentcoach.mastery.tracing.LearnerKnowledge;

/**
 * An adaptive placement assessment over a set of skills. Each next item is the one that tells
 * the most: among items on skills whose estimate is still uncertain, the one whose predicted
 * success is closest to even (the information of a right/wrong answer, p(1-p), is largest
 * there), on the most uncertain skill. It stops when every skill's estimate is confident (mastery
 * at most {@link #CONFIDENT_LOW} or at least {@link PathPlanner#MASTERED}) or after
 * {@link #MAX_ITEMS} items. The answers update the same knowledge state the server keeps, so
 * they become the learner's initial estimates. Not thread-safe: one assessment per learner.
 */
public final class Placement {

    public static final int MAX_ITEMS = 15;
    public static final double CONFIDENT_LOW = 0.2;

    private final List<Curriculum.Activity> items;
    private final Set<String> skills;
    private final LearnerKnowledge knowledge;
    private final ToIntFunction<String> itemIds;
    private final ToIntFunction<String> skillIds;
    private final Set<String> asked = new HashSet<>();
    private final List<String> order = new ArrayList<>();

    /**
     * @param items the candidate items (check questions and short exercises)
     * @param skills the skills to place
     * @param knowledge the learner's state under the tracing model
     * @param itemIds the model's id for an item id, -1 if it has none
     * @param skillIds the model's id for a skill id
     */
    public Placement(List<Curriculum.Activity> items, Set<String> skills, LearnerKnowledge knowledge,
            ToIntFunction<String> itemIds, ToIntFunction<String> skillIds) {
        this.items = items.stream().filter(i -> !i.skillIds().isEmpty() && skills.containsAll(i.skillIds())).toList();
        this.skills = new LinkedHashSet<>(skills);
        this.knowledge = knowledge;
        this.itemIds = itemIds;
        this.skillIds = skillIds;
    }

    public double mastery(String skill) {
        return knowledge.mastery(skillIds.applyAsInt(skill));
    }

    private boolean confident(String skill) {
        double m = mastery(skill);
        return m <= CONFIDENT_LOW || m >= PathPlanner.MASTERED;
    }

    /** The next item to ask, or empty when the placement is done. */
    public Optional<Curriculum.Activity> next() {
        if (order.size() >= MAX_ITEMS) {
            return Optional.empty();
        }
        Curriculum.Activity best = null;
        double bestScore = -1;
        for (Curriculum.Activity item : items) {
            if (asked.contains(item.id()) || item.skillIds().stream().allMatch(this::confident)) {
                continue;
            }
            double p = knowledge.predict(modelItem(item), modelSkills(item));
            double uncertainty = item.skillIds().stream().mapToDouble(s -> {
                double m = mastery(s);
                return m * (1 - m);
            }).max().orElse(0);
            double score = p * (1 - p) + uncertainty;
            if (score > bestScore) {
                bestScore = score;
                best = item;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Takes the learner's answer to an item of this placement into account. */
    public void answer(Curriculum.Activity item, boolean correct) {
        if (!asked.add(item.id())) {
            return; // the same item answered twice counts once
        }
        order.add(item.id());
        knowledge.observe(new Attempt(modelItem(item), modelSkills(item), correct));
    }

    public int asked() {
        return order.size();
    }

    /** Whether no further item is needed. */
    public boolean done() {
        return next().isEmpty();
    }

    /** The estimates so far, per skill of the placement. */
    public Map<String, Double> estimates() {
        Map<String, Double> result = new java.util.LinkedHashMap<>();
        skills.forEach(s -> result.put(s, mastery(s)));
        return result;
    }

    private int modelItem(Curriculum.Activity item) {
        int id = itemIds.applyAsInt(item.id());
        return id < 0 ? Attempt.NO_ITEM : id;
    }

    private int[] modelSkills(Curriculum.Activity item) {
        return item.skillIds().stream().mapToInt(skillIds).toArray();
    }
}
