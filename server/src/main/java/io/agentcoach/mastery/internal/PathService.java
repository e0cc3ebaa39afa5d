package io.agentcoach.mastery.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.MasteryChanged;
import io.agentcoach.mastery.PathChanged;
import io.agentcoach.mastery.path.PathPlanner;
import io.agentcoach.mastery.path.PathPlanner.SkillEstimate;
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

    private final JdbcClient jdbc;
    private final MasteryService masteries;
    private final ObjectProvider<Curriculum> curriculum;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<UUID, List<String>> lastPaths = new ConcurrentHashMap<>();
    private volatile Planned planned;

    private record Planned(Curriculum curriculum, PathPlanner planner) {
    }

    PathService(JdbcClient jdbc, MasteryService masteries, ObjectProvider<Curriculum> curriculum,
            ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
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
        Planned known = planned;
        if (known == null || known.curriculum() != current) {
            known = new Planned(current, new PathPlanner(current));
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
        Map<String, Double> predictions = masteries.predict(organizationId, userId,
                planned.curriculum().activities());
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
