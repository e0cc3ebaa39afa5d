package io.agentcoach.mastery.path;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPath.Purpose;
import io.agentcoach.mastery.LearningPath.Step;

/**
 * Chooses a learner's next activities from the skill graph and their mastery:
 * <ul>
 *   <li>never an activity with a skill whose prerequisites are not yet mastered;</li>
 *   <li>first, reviews of mastered skills whose retention has decayed below the mastery bar
 *       (retention halves after a stability that doubles with each practice);</li>
 *   <li>then activities on skills being learned, preferring a predicted success near the target
 *       (not trivially easy, not hopeless) and skills on the way to the goal;</li>
 *   <li>only skills the goal needs (it and its prerequisites, transitively) when a goal is set.</li>
 * </ul>
 * Pure: the caller supplies the curriculum, the learner's estimates and a success predictor.
 */
public final class PathPlanner {

    /** Mastery at or above which a skill counts as mastered. */
    public static final double MASTERED = 0.85;
    /** Predicted success the path aims for, and the band it prefers. */
    public static final double TARGET = 0.7;
    static final double BAND_LOW = 0.6;
    static final double BAND_HIGH = 0.8;
    /** Retention half-life after one practice; doubles with each further practice, capped. */
    static final Duration FIRST_HALF_LIFE = Duration.ofDays(2);
    static final int MAX_DOUBLINGS = 6;

    /** What the planner knows of the learner for one skill. */
    public record SkillEstimate(double mastery, int attempts, Instant lastPracticed) {
    }

    /** Predicts the learner's success on an activity now. */
    @FunctionalInterface
    public interface SuccessPredictor {
        double predict(Curriculum.Activity activity);
    }

    private final Curriculum curriculum;
    private final Map<String, Curriculum.Skill> skills;

    public PathPlanner(Curriculum curriculum) {
        this.curriculum = curriculum;
        this.skills = curriculum.skills().stream()
                .collect(Collectors.toMap(Curriculum.Skill::id, s -> s, (a, b) -> a));
    }

    /** Whether the curriculum knows the skill. */
    public boolean knows(String skillId) {
        return skills.containsKey(skillId);
    }

    /**
     * Plans up to {@code limit} steps. {@code passed} holds activities already passed, which are
     * not proposed again except as review.
     */
    public LearningPath plan(Map<String, SkillEstimate> estimates, Set<String> passed, SuccessPredictor predictor,
            String goalSkillId, Instant now, int limit) {
        Set<String> scope = goalSkillId == null ? skills.keySet() : needs(goalSkillId);
        Map<String, Double> retained = new HashMap<>();
        for (String skill : scope) {
            SkillEstimate e = estimates.get(skill);
            retained.put(skill, e == null ? 0 : retention(e, now) * e.mastery());
        }
        Map<String, Integer> depth = goalSkillId == null ? Map.of() : depthsBelow(goalSkillId);
        Map<String, Boolean> unlocked = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Curriculum.Activity activity : curriculum.activities()) {
            List<String> activitySkills = activity.skillIds();
            if (activitySkills.isEmpty() || !allIn(activitySkills, scope)) {
                continue;
            }
            boolean open = true;
            boolean allMastered = true;
            boolean fresh = true;
            for (String skill : activitySkills) {
                open &= unlocked.computeIfAbsent(skill, s -> unlocked(s, estimates));
                allMastered &= mastery(estimates, skill) >= MASTERED;
                fresh &= !estimates.containsKey(skill);
            }
            if (!open) {
                continue;
            }
            double success = predictor.predict(activity);
            if (allMastered) {
                String fading = null;
                for (String skill : activitySkills) {
                    if (retained.get(skill) < MASTERED) {
                        fading = skill;
                        break;
                    }
                }
                if (fading != null) {
                    candidates.add(new Candidate(activity, Purpose.REVIEW, success, MASTERED - retained.get(fading),
                            fading));
                }
                continue;
            }
            if (passed.contains(activity.id())) {
                continue;
            }
            double fit = Math.abs(success - TARGET) + (success < BAND_LOW || success > BAND_HIGH ? 0.5 : 0);
            int nearest = Integer.MAX_VALUE;
            for (String skill : activitySkills) {
                nearest = Math.min(nearest, depth.getOrDefault(skill, 0));
            }
            candidates.add(new Candidate(activity, fresh ? Purpose.NEW_SKILL : Purpose.PRACTICE, success,
                    -(fit + 0.01 * nearest), null));
        }
        // Reviews first (most faded first), then learning steps by how well they fit.
        candidates.sort(Comparator.comparing((Candidate c) -> c.purpose() != Purpose.REVIEW)
                .thenComparing(Comparator.comparingDouble(Candidate::priority).reversed())
                .thenComparing(c -> c.activity().id()));
        List<Step> steps = new ArrayList<>();
        Set<String> reviewed = new HashSet<>();
        for (Candidate c : candidates) {
            if (steps.size() >= limit) {
                break;
            }
            // one review per fading skill is enough
            if (c.purpose() == Purpose.REVIEW && !reviewed.add(String.join(",", c.activity().skillIds()))) {
                continue;
            }
            // reasons are written only for the steps chosen
            String reason = c.purpose() == Purpose.REVIEW
                    ? reviewReason(c.fading(), estimates.get(c.fading()), now, c.success())
                    : learnReason(c.activity(), estimates, c.success(), goalSkillId, c.purpose() == Purpose.NEW_SKILL);
            steps.add(new Step(c.activity().id(), c.activity().title(), c.activity().skillIds(), c.purpose(),
                    c.success(), reason));
        }
        return new LearningPath(goalSkillId, steps);
    }

    private static boolean allIn(List<String> skillIds, Set<String> scope) {
        for (String skill : skillIds) {
            if (!scope.contains(skill)) {
                return false;
            }
        }
        return true;
    }

    /** {@code fading}: for a review, the skill whose retention decayed. */
    private record Candidate(Curriculum.Activity activity, Purpose purpose, double success, double priority,
            String fading) {
    }

    private final Map<String, Set<String>> needsByGoal = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> depthsByGoal = new ConcurrentHashMap<>();

    /** The goal and everything it requires, transitively (computed once per goal). */
    Set<String> needs(String goalSkillId) {
        return needsByGoal.computeIfAbsent(goalSkillId, this::collectNeeds);
    }

    private Set<String> collectNeeds(String goalSkillId) {
        Set<String> needed = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(goalSkillId));
        while (!queue.isEmpty()) {
            String skill = queue.pop();
            if (needed.add(skill) && skills.containsKey(skill)) {
                queue.addAll(skills.get(skill).prerequisites());
            }
        }
        return Set.copyOf(needed);
    }

    /** Each skill the goal needs, with how many prerequisite steps below the goal it lies (once per goal). */
    private Map<String, Integer> depthsBelow(String goal) {
        return depthsByGoal.computeIfAbsent(goal, this::collectDepths);
    }

    private Map<String, Integer> collectDepths(String goal) {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(goal));
        depth.put(goal, 0);
        while (!queue.isEmpty()) {
            String skill = queue.pop();
            for (String prerequisite : skills.containsKey(skill) ? skills.get(skill).prerequisites() : List.<String>of()) {
                if (depth.putIfAbsent(prerequisite, depth.get(skill) + 1) == null) {
                    queue.add(prerequisite);
                }
            }
        }
        return Map.copyOf(depth);
    }

    private boolean unlocked(String skill, Map<String, SkillEstimate> estimates) {
        Curriculum.Skill node = skills.get(skill);
        return node != null && node.prerequisites().stream().allMatch(p -> mastery(estimates, p) >= MASTERED);
    }

    private static double mastery(Map<String, SkillEstimate> estimates, String skill) {
        SkillEstimate e = estimates.get(skill);
        return e == null ? 0 : e.mastery();
    }

    /** Share of the mastery still retained: halves per half-life since the last practice. */
    static double retention(SkillEstimate e, Instant now) {
        if (e.lastPracticed() == null) {
            return 1;
        }
        double halfLifeDays = FIRST_HALF_LIFE.toHours() / 24.0 * Math.pow(2, Math.min(MAX_DOUBLINGS,
                Math.max(0, e.attempts() - 1)));
        double days = Math.max(0, Duration.between(e.lastPracticed(), now).toMinutes() / 1440.0);
        return Math.pow(0.5, days / halfLifeDays);
    }

    private String name(String skill) {
        Curriculum.Skill node = skills.get(skill);
        return node == null ? skill : node.name();
    }

    private String reviewReason(String skill, SkillEstimate e, Instant now, double success) {
        long days = Duration.between(e.lastPracticed(), now).toDays();
        return String.format(Locale.ROOT,
                "Review: you mastered %s, but it was last practised %d day%s ago and is starting to fade; "
                        + "a short review now (predicted success %d%%) keeps it.",
                name(skill), days, days == 1 ? "" : "s", Math.round(success * 100));
    }

    private String learnReason(Curriculum.Activity activity, Map<String, SkillEstimate> estimates, double success,
            String goal, boolean fresh) {
        String skillNames = activity.skillIds().stream().map(this::name).collect(Collectors.joining(" and "));
        StringBuilder reason = new StringBuilder();
        if (fresh) {
            reason.append("New skill: ").append(skillNames).append(" is unlocked");
            List<String> prerequisites = activity.skillIds().stream().flatMap(s -> skills.get(s).prerequisites().stream())
                    .distinct().map(this::name).toList();
            reason.append(prerequisites.isEmpty() ? " (no prerequisites)" : " since you mastered "
                    + String.join(", ", prerequisites)).append('.');
        } else {
            int proficiency = (int) Math.round(100 * activity.skillIds().stream()
                    .mapToDouble(s -> mastery(estimates, s)).min().orElse(0));
            reason.append("Practice: ").append(skillNames).append(" is at proficiency ").append(proficiency)
                    .append(", below mastery.");
        }
        long percent = Math.round(success * 100);
        if (success < BAND_LOW) {
            reason.append(" It is a stretch (predicted success ").append(percent).append("%), the most suitable left.");
        } else if (success > BAND_HIGH) {
            reason.append(" It should feel easy (predicted success ").append(percent).append("%), the most suitable left.");
        } else {
            reason.append(" You are predicted to pass it ").append(percent)
                    .append("% of the time: challenging but within reach.");
        }
        if (goal != null) {
            reason.append(" It leads toward your goal, ").append(name(goal)).append('.');
        }
        return reason.toString();
    }
}
