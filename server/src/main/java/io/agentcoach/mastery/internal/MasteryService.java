package io.agentcoach.mastery.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.agentcoach.mastery.AttemptObserved;
import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.HintUsed;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.MasteryChanged;
import io.agentcoach.mastery.MasteryPoint;
import io.agentcoach.mastery.SkillMastery;
import io.agentcoach.mastery.tracing.Attempt;
import io.agentcoach.mastery.tracing.LearnerKnowledge;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each learner's knowledge state in memory (rebuilt from the logged answers when missing,
 * stale or when an answer arrives out of order) and writes the estimates it yields.
 */
@Service
class MasteryService implements Masteries {

    static final int MAX_ID = 100;
    static final int MAX_ITEM_ID = 200;

    private final JdbcClient jdbc;
    private final TracingModels models;
    private final ApplicationEventPublisher events;
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();
    private final Map<UUID, Learner> learners = new ConcurrentHashMap<>();
    private final ObjectProvider<Curriculum> curriculum;

    MasteryService(JdbcClient jdbc, TracingModels models, ApplicationEventPublisher events,
            ObjectProvider<Curriculum> curriculum) {
        this.jdbc = jdbc;
        this.models = models;
        this.events = events;
        this.curriculum = curriculum;
    }

    /** A learner's state under one fitted model, and the position of their latest answer. */
    private record Learner(long modelVersion, LearnerKnowledge knowledge, Instant lastAt, String lastAttemptId,
            Map<String, Integer> attemptsPerSkill) {

        boolean precedes(AttemptObserved attempt) {
            int order = lastAt.compareTo(attempt.occurredAt());
            return order < 0 || order == 0 && lastAttemptId.compareTo(attempt.attemptId()) < 0;
        }
    }

    /** A logged answer, with the number of its item's hints the learner had been shown by then. */
    private record Logged(String attemptId, String itemId, List<String> skillIds, boolean correct, int hints,
            Instant at) {

        Attempt toAttempt(TracingModels.Fitted fitted) {
            return TracingModels.toAttempt(itemId, String.join(",", skillIds), correct,
                    Masteries.creditOf(correct, hints), fitted.items(), fitted.skills());
        }
    }

    @Override
    @Transactional
    public Recorded record(AttemptObserved attempt) {
        validate(attempt);
        synchronized (locks.computeIfAbsent(attempt.userId(), k -> new Object())) {
            int inserted = jdbc.sql("""
                    insert into mastery_attempts
                        (organization_id, attempt_id, user_id, item_id, skill_ids, correct, occurred_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(attempt.organizationId(), attempt.attemptId(), attempt.userId(), attempt.itemId(),
                            String.join(",", attempt.skillIds()), attempt.correct(), utc(attempt.occurredAt()))
                    .update();
            if (inserted == 0) {
                return new Recorded.Duplicate(attempt.attemptId());
            }
            evictIfRolledBack(attempt.userId());
            TracingModels.Fitted fitted = models.current();
            Learner cached = learners.get(attempt.userId());
            Recorded.Updated updated;
            if (cached != null && cached.modelVersion() == fitted.version() && cached.precedes(attempt)) {
                updated = observe(cached, attempt, fitted);
            } else {
                updated = replay(attempt, fitted);
            }
            events.publishEvent(new MasteryChanged(attempt.organizationId(), attempt.userId(),
                    updated.skills().stream().map(SkillMastery::skillId).toList(), attempt.attemptId()));
            return updated;
        }
    }

    private void validate(AttemptObserved attempt) {
        String problem = null;
        if (attempt.attemptId() == null || attempt.attemptId().isBlank() || attempt.attemptId().length() > MAX_ID) {
            problem = "An answer needs an id of 1 to " + MAX_ID + " characters.";
        } else if (attempt.organizationId() == null || attempt.userId() == null || attempt.occurredAt() == null) {
            problem = "An answer needs its organization, learner and time.";
        } else if (attempt.itemId() != null && (attempt.itemId().isBlank() || attempt.itemId().length() > MAX_ITEM_ID)) {
            problem = "Answer " + attempt.attemptId() + " names an item id that is empty or longer than " + MAX_ITEM_ID
                    + " characters.";
        } else if (attempt.skillIds().isEmpty()) {
            problem = "Answer " + attempt.attemptId() + " names no skill; mastery is tracked per skill.";
        } else if (attempt.skillIds().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > MAX_ID
                || s.contains(","))) {
            problem = "Answer " + attempt.attemptId() + " names a skill id that is empty, longer than " + MAX_ID
                    + " characters or contains a comma.";
        } else {
            problem = unknown(attempt.organizationId(), attempt.itemId(), attempt.skillIds(), "Answer " + attempt.attemptId());
        }
        if (problem != null) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Answer not usable", problem);
        }
    }

    /** What the curriculum does not know of an item and its skills, or null (also when there is no curriculum). */
    private String unknown(UUID organizationId, String itemId, List<String> skillIds, String what) {
        Curriculum known = curriculum.getIfAvailable();
        if (known == null) {
            return null;
        }
        for (String skill : skillIds) {
            if (!known.knowsSkill(skill)) {
                return what + " names skill '" + skill + "', which the curriculum does not have.";
            }
        }
        if (itemId != null && !known.knowsItem(organizationId, itemId)) {
            return what + " is on item '" + itemId + "', which the curriculum does not have for this organization.";
        }
        return null;
    }

    private void evictIfRolledBack(UUID userId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        learners.remove(userId);
                    }
                }
            });
        }
    }

    /** The usual case: the answer is the learner's newest, so one online update suffices. */
    private Recorded.Updated observe(Learner learner, AttemptObserved attempt, TracingModels.Fitted fitted) {
        int hints = attempt.itemId() == null ? 0 : jdbc.sql("""
                select count(*) from mastery_hints
                where organization_id = ? and user_id = ? and item_id = ? and revealed_at <= ?""")
                .params(attempt.organizationId(), attempt.userId(), attempt.itemId(), utc(attempt.occurredAt()))
                .query(Integer.class).single();
        learner.knowledge().observe(TracingModels.toAttempt(attempt.itemId(), String.join(",", attempt.skillIds()),
                attempt.correct(), Masteries.creditOf(attempt.correct(), hints), fitted.items(), fitted.skills()));
        Map<String, Integer> counts = new LinkedHashMap<>(learner.attemptsPerSkill());
        attempt.skillIds().forEach(s -> counts.merge(s, 1, Integer::sum));
        Learner next = new Learner(learner.modelVersion(), learner.knowledge(), attempt.occurredAt(),
                attempt.attemptId(), counts);
        learners.put(attempt.userId(), next);
        List<SkillMastery> written = new ArrayList<>();
        for (String skill : attempt.skillIds().stream().distinct().toList()) {
            SkillMastery state = estimate(next, skill, fitted, attempt.occurredAt());
            writeState(attempt.organizationId(), attempt.userId(), state);
            writeHistory(attempt.organizationId(), attempt.userId(), skill, attempt.attemptId(), state);
            written.add(state);
        }
        return new Recorded.Updated(written, false);
    }

    /**
     * Rebuilds the learner from every logged answer in answer order. When the new answer is not the
     * newest, every estimate and the whole history are rewritten, since later points depended on it.
     */
    private Recorded.Updated replay(AttemptObserved attempt, TracingModels.Fitted fitted) {
        List<Logged> logged = logged(attempt.organizationId(), attempt.userId());
        if (!logged.getLast().attemptId().equals(attempt.attemptId())) {
            return new Recorded.Updated(rewrite(attempt.organizationId(), attempt.userId(), logged, fitted), true);
        }
        Learner learner = cache(attempt.userId(), logged, fitted);
        List<SkillMastery> written = new ArrayList<>();
        for (String skill : attempt.skillIds().stream().distinct().sorted().toList()) {
            SkillMastery state = estimate(learner, skill, fitted, attempt.occurredAt());
            writeState(attempt.organizationId(), attempt.userId(), state);
            writeHistory(attempt.organizationId(), attempt.userId(), skill, attempt.attemptId(), state);
            written.add(state);
        }
        return new Recorded.Updated(written, false);
    }

    /** Recomputes and rewrites every estimate and the whole history of the learner; returns the estimates. */
    private List<SkillMastery> rewrite(UUID organizationId, UUID userId, List<Logged> logged,
            TracingModels.Fitted fitted) {
        jdbc.sql("delete from mastery_history where organization_id = ? and user_id = ?")
                .params(organizationId, userId).update();
        LearnerKnowledge knowledge = fitted.model().newLearner();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, SkillMastery> latest = new LinkedHashMap<>();
        Learner learner = null;
        for (Logged answer : logged) {
            knowledge.observe(answer.toAttempt(fitted));
            answer.skillIds().forEach(s -> counts.merge(s, 1, Integer::sum));
            learner = new Learner(fitted.version(), knowledge, answer.at(), answer.attemptId(), counts);
            for (String skill : answer.skillIds().stream().distinct().toList()) {
                SkillMastery state = estimate(learner, skill, fitted, answer.at());
                writeHistory(organizationId, userId, skill, answer.attemptId(), state);
                latest.put(skill, state);
            }
        }
        if (learner != null) {
            learners.put(userId, learner);
        }
        latest.values().forEach(state -> writeState(organizationId, userId, state));
        List<SkillMastery> written = new ArrayList<>(latest.values());
        written.sort(Comparator.comparing(SkillMastery::skillId));
        return written;
    }

    @Override
    @Transactional
    public boolean recordHint(HintUsed hint) {
        if (hint.organizationId() == null || hint.userId() == null || hint.revealedAt() == null
                || hint.itemId() == null || hint.itemId().isBlank() || hint.itemId().length() > MAX_ITEM_ID
                || hint.number() < 1) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Hint not usable",
                    "A hint needs its organization, learner, item (1 to " + MAX_ITEM_ID
                            + " characters), time and a number from 1.");
        }
        String unknown = unknown(hint.organizationId(), hint.itemId(), List.of(), "Hint " + hint.number());
        if (unknown != null) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Hint not usable", unknown);
        }
        synchronized (locks.computeIfAbsent(hint.userId(), k -> new Object())) {
            int inserted = jdbc.sql("""
                    insert into mastery_hints (organization_id, user_id, item_id, number, revealed_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(hint.organizationId(), hint.userId(), hint.itemId(), hint.number(), utc(hint.revealedAt()))
                    .update();
            if (inserted == 0) {
                return false;
            }
            // Usually the hint precedes every answer it bears on; if one was recorded already, recompute.
            boolean late = jdbc.sql("""
                    select count(*) from mastery_attempts where organization_id = ? and user_id = ? and item_id = ?
                    and correct and occurred_at >= ?""")
                    .params(hint.organizationId(), hint.userId(), hint.itemId(), utc(hint.revealedAt()))
                    .query(Integer.class).single() > 0;
            if (late) {
                evictIfRolledBack(hint.userId());
                List<SkillMastery> written = rewrite(hint.organizationId(), hint.userId(),
                        logged(hint.organizationId(), hint.userId()), models.current());
                events.publishEvent(new MasteryChanged(hint.organizationId(), hint.userId(),
                        written.stream().map(SkillMastery::skillId).toList(),
                        "hint:" + hint.itemId() + "#" + hint.number()));
            }
            return true;
        }
    }

    private static SkillMastery estimate(Learner learner, String skill, TracingModels.Fitted fitted, Instant at) {
        double mastery = learner.knowledge().mastery(fitted.skills().id(skill));
        return new SkillMastery(skill, mastery, SkillMastery.proficiencyOf(mastery),
                learner.attemptsPerSkill().getOrDefault(skill, 0), at);
    }

    private void writeState(UUID organizationId, UUID userId, SkillMastery state) {
        int updated = jdbc.sql("""
                update mastery_skill_states set mastery = ?, proficiency = ?, attempts = ?, updated_at = ?
                where organization_id = ? and user_id = ? and skill_id = ?""")
                .params(state.mastery(), state.proficiency(), state.attempts(), utc(state.updatedAt()),
                        organizationId, userId, state.skillId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into mastery_skill_states
                        (organization_id, user_id, skill_id, mastery, proficiency, attempts, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(organizationId, userId, state.skillId(), state.mastery(), state.proficiency(),
                            state.attempts(), utc(state.updatedAt()))
                    .update();
        }
        // The seed's table keeps the display value, one row per user and skill.
        int seed = jdbc.sql("update user_skills set proficiency = ?, updated_at = current_timestamp "
                        + "where user_id = ? and skill_id = ?")
                .params(state.proficiency(), userId, state.skillId()).update();
        if (seed == 0) {
            jdbc.sql("insert into user_skills (user_id, skill_id, proficiency) values (?, ?, ?)")
                    .params(userId, state.skillId(), state.proficiency()).update();
        }
    }

    private void writeHistory(UUID organizationId, UUID userId, String skill, String attemptId, SkillMastery state) {
        jdbc.sql("""
                insert into mastery_history
                    (organization_id, user_id, skill_id, attempt_id, mastery, proficiency, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organizationId, userId, skill, attemptId, state.mastery(), state.proficiency(),
                        utc(state.updatedAt()))
                .update();
    }

    /** Activities as the fitted model's ids; activities of the same skills share one skills array. */
    private record ActivityIds(long modelVersion, List<Curriculum.Activity> activities, int[] items, int[][] skills) {
    }

    private volatile ActivityIds activityIds;

    private ActivityIds activityIds(TracingModels.Fitted fitted, List<Curriculum.Activity> activities) {
        ActivityIds known = activityIds;
        if (known != null && known.modelVersion() == fitted.version() && known.activities() == activities) {
            return known;
        }
        int[] items = new int[activities.size()];
        int[][] skills = new int[activities.size()][];
        Map<List<String>, int[]> shared = new HashMap<>();
        for (int i = 0; i < items.length; i++) {
            Curriculum.Activity activity = activities.get(i);
            int item = fitted.items().find(activity.id());
            items[i] = item < 0 ? Attempt.NO_ITEM : item;
            skills[i] = shared.computeIfAbsent(activity.skillIds(),
                    ids -> ids.stream().mapToInt(fitted.skills()::id).toArray());
        }
        known = new ActivityIds(fitted.version(), activities, items, skills);
        activityIds = known;
        return known;
    }

    /**
     * The learner's predicted success on each activity, computed under the learner's lock so that
     * no update runs meanwhile. Activities are keyed by id. Pass the same list instance for the
     * same activities: their ids under the model are computed once per list and model.
     */
    Map<String, Double> predict(UUID organizationId, UUID userId, List<Curriculum.Activity> activities) {
        synchronized (locks.computeIfAbsent(userId, k -> new Object())) {
            TracingModels.Fitted fitted = models.current();
            Learner learner = learners.get(userId);
            if (learner == null || learner.modelVersion() != fitted.version()) {
                learner = cache(userId, logged(organizationId, userId), fitted);
            }
            ActivityIds ids = activityIds(fitted, activities);
            double[] predicted = learner.knowledge().predictAll(ids.items(), ids.skills());
            Map<String, Double> predictions = new HashMap<>(activities.size() * 2);
            for (int i = 0; i < predicted.length; i++) {
                predictions.put(activities.get(i).id(), ids.skills()[i].length == 0 ? 0.5 : predicted[i]);
            }
            return predictions;
        }
    }

    /** Rebuilds the learner from their logged answers and keeps it for the next update or prediction. */
    private Learner cache(UUID userId, List<Logged> logged, TracingModels.Fitted fitted) {
        LearnerKnowledge knowledge = fitted.model().newLearner();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Logged answer : logged) {
            knowledge.observe(answer.toAttempt(fitted));
            answer.skillIds().forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        Learner learner = logged.isEmpty() ? new Learner(fitted.version(), knowledge, Instant.MIN, "", counts)
                : new Learner(fitted.version(), knowledge, logged.getLast().at(), logged.getLast().attemptId(), counts);
        learners.put(userId, learner);
        return learner;
    }

    /** A fresh copy of the learner's knowledge state under the current model, to simulate on. */
    LearnerKnowledge replayed(UUID organizationId, UUID userId, TracingModels.Fitted fitted) {
        LearnerKnowledge knowledge = fitted.model().newLearner();
        for (Logged answer : logged(organizationId, userId)) {
            knowledge.observe(answer.toAttempt(fitted));
        }
        return knowledge;
    }

    private List<Logged> logged(UUID organizationId, UUID userId) {
        return jdbc.sql("""
                select a.attempt_id, a.item_id, a.skill_ids, a.correct, a.occurred_at,
                    (select count(*) from mastery_hints h where h.organization_id = a.organization_id
                     and h.user_id = a.user_id and h.item_id = a.item_id and h.revealed_at <= a.occurred_at)
                from mastery_attempts a
                where a.organization_id = ? and a.user_id = ? order by a.occurred_at, a.attempt_id""")
                .params(organizationId, userId)
                .query((rs, n) -> new Logged(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(",")),
                        rs.getBoolean(4), rs.getInt(6), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SkillMastery> of(UUID organizationId, UUID userId) {
        return jdbc.sql("""
                select skill_id, mastery, proficiency, attempts, updated_at from mastery_skill_states
                where organization_id = ? and user_id = ? order by skill_id""")
                .params(organizationId, userId)
                .query((rs, n) -> new SkillMastery(rs.getString(1), rs.getDouble(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MasteryPoint> history(UUID organizationId, UUID userId, String skillId) {
        return jdbc.sql("""
                select attempt_id, mastery, proficiency, occurred_at from mastery_history
                where organization_id = ? and user_id = ? and skill_id = ? order by occurred_at, id""")
                .params(organizationId, userId, skillId)
                .query((rs, n) -> new MasteryPoint(rs.getString(1), rs.getDouble(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
