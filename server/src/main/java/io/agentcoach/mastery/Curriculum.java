package io.agentcoach.mastery;

import java.util.List;
import java.util.UUID;

/**
 * What the learning path chooses from: the skill graph and the activities that exercise each
 * skill. The module that owns the curriculum provides it as a bean; without one, paths are empty.
 */
public interface Curriculum {

    /** Every skill with the skills it requires first. */
    List<Skill> skills();

    /** Every activity a learner can be sent to. */
    List<Activity> activities();

    /** Whether the skill graph has {@code skillId}. */
    default boolean knowsSkill(String skillId) {
        return skills().stream().anyMatch(s -> s.id().equals(skillId));
    }

    /**
     * Whether a learner of the organization can answer {@code itemId}: one of the activities, or
     * an item only that organization has (its private exercises).
     */
    default boolean knowsItem(UUID organizationId, String itemId) {
        return activities().stream().anyMatch(a -> a.id().equals(itemId));
    }

    /**
     * A node of the skill graph.
     *
     * @param id stable skill id
     * @param name display name
     * @param prerequisites ids of the skills to master first
     */
    record Skill(String id, String name, List<String> prerequisites) {
        public Skill {
            prerequisites = List.copyOf(prerequisites);
        }
    }

    /**
     * A lesson, check question or exercise.
     *
     * @param id stable id; answers to it arrive with this id as their item id
     * @param title display title
     * @param kind e.g. {@code lesson}, {@code check}, {@code exercise}
     * @param skillIds the skills it exercises
     * @param minutes typical time to complete
     */
    record Activity(String id, String title, String kind, List<String> skillIds, int minutes) {
        public Activity {
            skillIds = List.copyOf(skillIds);
        }
    }
}
