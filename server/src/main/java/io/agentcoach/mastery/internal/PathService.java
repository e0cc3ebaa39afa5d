package io.agentcoach.mastery.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.Forecast;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.MasteryChanged;
import io.agentcoach.mastery.PathChanged;
import io.agentcoach.mastery.path.PathPlanner;
import io.agentcoach.mastery.path.PathPlanner.SkillEstimate;
import io.agentcoach.mastery.tracing.Attempt;
import io.agentcoach.mastery.tracing.LearnerKnowledge;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans learning paths on request, and after every mastery change re-plans the learner's path
 * toward their goal, publishing {@link PathChanged} when it differs from the last one.
 */
@Service
class PathService implements LearningPaths {

    static final int PATH_LENGTH = 5;
    static final int FORECAST_CAP = 200;
    static final int DEFAULT_MINUTES = 10;

    private final JdbcClient jdbc;
    private final MasteryService masteries;
    private final TracingModels models;
    private final ObjectProvider<Curriculum> curriculum;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<UUID, List<String>> lastPaths = new ConcurrentHashMap<>();
    private volatile Planned planned;

    private record Planned(Curriculum curriculum, List<Curriculum.Activity> activities, PathPlanner planner) {
    }

    PathService(JdbcClient jdbc, MasteryService masteries, TracingModels models, ObjectProvider<Curriculum> curriculum,
            ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.models = models;
        this.masteries = masteries;
        this.curriculum = curriculum;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The planner for the current curriculum, or null when no curriculum is available. */
    private PathPlanner planner() {
        Curriculum current = curriculum.getIfAvailable();
        if (current == null) {
            return null;
        }
        // a curriculum that returns the same activities list while unchanged is planned once per change
        List<Curriculum.Activity> activities = current.activities();
        Planned known = planned;
        if (known == null || known.curriculum() != current || known.activities() != activities) {
            known = new Planned(current, activities, new PathPlanner(current));
            planned = known;
        }
        return known.planner();
    }

    @Override
    @Transactional(readOnly = true)
    public LearningPath pathFor(UUID organizationId, UUID userId, String goalSkillId, int limit) {
        PathPlanner planner = planner();
        String goal = goalSkillId != null ? goalSkillId : goalOf(organizationId, userId).orElse(null);
        if (planner == null) {
            return new LearningPath(goal, List.of());
        }
        if (goalSkillId != null && !planner.knows(goalSkillId)) {
            throw unknownSkill(goalSkillId);
        }
        if (goal != null && !planner.knows(goal)) {
            goal = null; // a stored goal the curriculum has since dropped
        }
        Map<String, SkillEstimate> estimates = jdbc.sql("""
                select skill_id, mastery, attempts, updated_at from mastery_skill_states
                where organization_id = ? and user_id = ?""")
                .params(organizationId, userId)
                .query((rs, n) -> Map.entry(rs.getString(1), new SkillEstimate(rs.getDouble(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> passed = new HashSet<>(jdbc.sql("""
                select distinct item_id from mastery_attempts
                where organization_id = ? and user_id = ? and correct and item_id is not null""")
                .params(organizationId, userId).query(String.class).list());
        Map<String, Double> predictions = masteries.predict(organizationId, userId, planned.activities());
        return planner.plan(estimates, passed, activity -> predictions.getOrDefault(activity.id(), 0.5), goal,
                clock.instant(), limit);
    }

    @Override
    @Transactional
    public void setGoal(UUID organizationId, UUID userId, String skillId) {
        PathPlanner planner = planner();
        if (planner == null || !planner.knows(skillId)) {
            throw unknownSkill(skillId);
        }
        int updated = jdbc.sql("update mastery_goals set skill_id = ?, set_at = current_timestamp "
                        + "where organization_id = ? and user_id = ?")
                .params(skillId, organizationId, userId).update();
        if (updated == 0) {
            jdbc.sql("insert into mastery_goals (organization_id, user_id, skill_id) values (?, ?, ?)")
                    .params(organizationId, userId, skillId).update();
        }
        replan(organizationId, userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> goalOf(UUID organizationId, UUID userId) {
        return jdbc.sql("select skill_id from mastery_goals where organization_id = ? and user_id = ?")
                .params(organizationId, userId).query(String.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Forecast forecast(UUID organizationId, UUID userId, String goalSkillId) {
        PathPlanner planner = planner();
        String goal = goalSkillId != null ? goalSkillId
                : goalOf(organizationId, userId).orElseThrow(() -> Problems.notFound("A goal"));
        if (planner == null || !planner.knows(goal)) {
            throw unknownSkill(goal);
        }
        Curriculum current = planned.curriculum();
        Map<String, Curriculum.Skill> skills = current.skills().stream()
                .collect(Collectors.toMap(Curriculum.Skill::id, s -> s, (a, b) -> a));
        TracingModels.Fitted fitted = models.current();
        LearnerKnowledge knowledge = masteries.replayed(organizationId, userId, fitted);
        List<Forecast.SkillForecast> forecasts = new ArrayList<>();
        for (String skill : learningOrder(goal, skills)) {
            int id = fitted.skills().id(skill);
            double mastery = knowledge.mastery(id);
            if (mastery >= PathPlanner.MASTERED) {
                continue;
            }
            double activities = 0;
            // simulated right answers until mastered; the cap stops a model that would never get there
            for (int k = 0; k < FORECAST_CAP && knowledge.mastery(id) < PathPlanner.MASTERED; k++) {
                activities += 1 / Math.max(0.05, knowledge.predict(Attempt.NO_ITEM, new int[] {id}));
                knowledge.observe(new Attempt(Attempt.NO_ITEM, new int[] {id}, true));
            }
            int expected = (int) Math.ceil(activities);
            forecasts.add(new Forecast.SkillForecast(skill, mastery, expected,
                    (int) Math.ceil(expected * minutesPerActivity(current, skill))));
        }
        return new Forecast(goal, forecasts, forecasts.stream().mapToInt(Forecast.SkillForecast::expectedActivities)
                .sum(), forecasts.stream().mapToInt(Forecast.SkillForecast::expectedMinutes).sum());
    }

    /** The goal and all its prerequisites, each after the skills it requires. */
    private static List<String> learningOrder(String goal, Map<String, Curriculum.Skill> skills) {
        List<String> order = new ArrayList<>();
        visit(goal, skills, new HashSet<>(), order);
        return order;
    }

    private static void visit(String skill, Map<String, Curriculum.Skill> skills, Set<String> seen, List<String> order) {
        if (!seen.add(skill)) {
            return;
        }
        Curriculum.Skill node = skills.get(skill);
        if (node != null) {
            node.prerequisites().forEach(p -> visit(p, skills, seen, order));
        }
        order.add(skill);
    }

    /** Typical minutes of the skill's check questions and exercises (lessons are read once, not repeated). */
    private static double minutesPerActivity(Curriculum curriculum, String skill) {
        return curriculum.activities().stream()
                .filter(a -> !a.kind().equals("lesson") && a.skillIds().contains(skill))
                .mapToInt(Curriculum.Activity::minutes).average().orElse(DEFAULT_MINUTES);
    }

    @EventListener
    void on(MasteryChanged changed) {
        replan(changed.organizationId(), changed.userId());
    }

    private void replan(UUID organizationId, UUID userId) {
        if (planner() == null) {
            return;
        }
        List<String> activities = pathFor(organizationId, userId, null, PATH_LENGTH).steps().stream()
                .map(LearningPath.Step::activityId).toList();
        List<String> previous = lastPaths.put(userId, activities);
        if (!activities.equals(previous)) {
            events.publishEvent(new PathChanged(organizationId, userId, activities));
        }
    }

    private static RuntimeException unknownSkill(String skillId) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unknown skill",
                "The curriculum has no skill '" + skillId + "'.");
    }
}
