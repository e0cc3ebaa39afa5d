package io.agentcoach.mastery.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.content.CheckQuestion;
import io.agentcoach.content.Lesson;
import io.agentcoach.mastery.AttemptObserved;
import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.PlacementState;
import io.agentcoach.mastery.Placements;
import io.agentcoach.mastery.path.Placement;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placements over the content module's check questions, persisted per learner. The engine
 * ({@link Placement}) starts from a learner with no answers under the current tracing model and is
 * rebuilt from the placement's answers on every request; the question to ask is kept in the row so
 * that it stays the same between requests.
 */
@Service
class PlacementService implements Placements {

    private static final String IN_PROGRESS = "in_progress";

    private final JdbcClient jdbc;
    private final io.agentcoach.content.Curriculum content;
    private final TracingModels models;
    private final Masteries masteries;
    private final Clock clock;

    PlacementService(JdbcClient jdbc, io.agentcoach.content.Curriculum content, TracingModels models,
            Masteries masteries, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.content = content;
        this.models = models;
        this.masteries = masteries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Row(UUID id, String status, String currentItemId, Instant startedAt, Instant finishedAt) {
    }

    private record Answered(String itemId, String skillId, boolean correct) {
    }

    /** The check questions placement asks, by item id ({@code <lesson id>/<check id>}). */
    private Map<String, CheckQuestion> questions() {
        Map<String, CheckQuestion> questions = new LinkedHashMap<>();
        for (Lesson lesson : content.lessons()) {
            for (CheckQuestion check : lesson.checks()) {
                questions.put(lesson.id() + "/" + check.id(), check);
            }
        }
        return questions;
    }

    /** The engine with the placement's answers replayed into it. */
    private Placement engine(Map<String, CheckQuestion> questions, List<Answered> answers) {
        TracingModels.Fitted fitted = models.current();
        List<Curriculum.Activity> items = questions.entrySet().stream()
                .map(q -> new Curriculum.Activity(q.getKey(), q.getValue().prompt(), "check",
                        List.of(q.getValue().skill()), 1))
                .toList();
        Set<String> skills = new LinkedHashSet<>();
        items.forEach(i -> skills.addAll(i.skillIds()));
        Placement placement = new Placement(items, skills, fitted.model().newLearner(), fitted.items()::find,
                fitted.skills()::id);
        for (Answered answer : answers) {
            placement.answer(new Curriculum.Activity(answer.itemId(), "", "check", List.of(answer.skillId()), 1),
                    answer.correct());
        }
        return placement;
    }

    @Override
    @Transactional
    public Started start(UUID organizationId, UUID userId, boolean skip) {
        Optional<Row> running = latestRow(organizationId, userId, true).filter(r -> r.status().equals(IN_PROGRESS));
        if (running.isPresent()) {
            return new Started(state(organizationId, running.get()), false);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String status = skip ? "skipped" : IN_PROGRESS;
        String first = null;
        if (!skip) {
            first = engine(questions(), List.of()).next().map(Curriculum.Activity::id).orElse(null);
            if (first == null) {
                status = "finished"; // a curriculum without check questions has nothing to ask
            }
        }
        jdbc.sql("""
                insert into mastery_placements
                    (id, organization_id, user_id, status, current_item_id, started_at, finished_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organizationId, userId, status, first, utc(now),
                        status.equals(IN_PROGRESS) ? null : utc(now))
                .update();
        return new Started(state(organizationId, new Row(id, status, first, now,
                status.equals(IN_PROGRESS) ? null : now)), true);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlacementState> latest(UUID organizationId, UUID userId) {
        return latestRow(organizationId, userId, false).map(row -> state(organizationId, row));
    }

    @Override
    @Transactional
    public PlacementState answer(UUID organizationId, UUID userId, String itemId, String answer) {
        Row row = latestRow(organizationId, userId, true).filter(r -> r.status().equals(IN_PROGRESS))
                .orElseThrow(() -> conflict("No placement is in progress; start one first."));
        List<Answered> answers = answers(row.id());
        if (answers.stream().anyMatch(a -> a.itemId().equals(itemId))) {
            return state(organizationId, row, answers);
        }
        Map<String, CheckQuestion> questions = questions();
        String expected = expected(row, questions, answers);
        if (!itemId.equals(expected)) {
            throw conflict("The question to answer now is " + expected + ", not " + itemId + ".");
        }
        CheckQuestion question = questions.get(itemId);
        boolean correct = question.isCorrect(answer);
        Instant now = clock.instant();
        int seq = answers.size() + 1;
        jdbc.sql("""
                insert into mastery_placement_answers
                    (organization_id, placement_id, seq, item_id, skill_id, correct, answered_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organizationId, row.id(), seq, itemId, question.skill(), correct, utc(now)).update();
        masteries.record(new AttemptObserved("placement:" + row.id() + ":" + seq, organizationId, userId, itemId,
                List.of(question.skill()), correct, now));
        List<Answered> after = new ArrayList<>(answers);
        after.add(new Answered(itemId, question.skill(), correct));
        Optional<Curriculum.Activity> next = engine(questions, after).next();
        Row updated = next.isPresent()
                ? new Row(row.id(), IN_PROGRESS, next.get().id(), row.startedAt(), null)
                : new Row(row.id(), "finished", null, row.startedAt(), now);
        jdbc.sql("update mastery_placements set status = ?, current_item_id = ?, finished_at = ? where id = ?")
                .params(updated.status(), updated.currentItemId(),
                        updated.finishedAt() == null ? null : utc(updated.finishedAt()), row.id())
                .update();
        return state(organizationId, updated, after);
    }

    /**
     * The question to answer now: the one chosen when the previous answer came in, or, if the
     * curriculum has since dropped it, the engine's choice now (null when nothing is left to ask).
     */
    private String expected(Row row, Map<String, CheckQuestion> questions, List<Answered> answers) {
        if (row.currentItemId() != null && questions.containsKey(row.currentItemId())) {
            return row.currentItemId();
        }
        return engine(questions, answers).next().map(Curriculum.Activity::id).orElse(null);
    }

    private Optional<Row> latestRow(UUID organizationId, UUID userId, boolean lock) {
        // the learner's row is locked so that concurrent answers to one placement take turns
        return jdbc.sql("""
                select id, status, current_item_id, started_at, finished_at from mastery_placements
                where organization_id = ? and user_id = ? order by started_at desc, id fetch first 1 rows only"""
                        + (lock ? " for update" : ""))
                .params(organizationId, userId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(5, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .optional();
    }

    private List<Answered> answers(UUID placementId) {
        return jdbc.sql("select item_id, skill_id, correct from mastery_placement_answers where placement_id = ? "
                        + "order by seq")
                .param(placementId)
                .query((rs, n) -> new Answered(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    private PlacementState state(UUID organizationId, Row row) {
        return state(organizationId, row, answers(row.id()));
    }

    private PlacementState state(UUID organizationId, Row row, List<Answered> answers) {
        PlacementState.Status status = PlacementState.Status.valueOf(row.status().toUpperCase(Locale.ROOT));
        if (status == PlacementState.Status.SKIPPED) {
            return new PlacementState(row.id(), status, 0, Placement.MAX_ITEMS, null, Map.of(), row.startedAt(),
                    row.finishedAt());
        }
        Map<String, CheckQuestion> questions = questions();
        Map<String, Double> estimates = engine(questions, answers).estimates();
        PlacementState.Question question = null;
        String expected = status == PlacementState.Status.IN_PROGRESS ? expected(row, questions, answers) : null;
        if (expected != null) {
            CheckQuestion check = questions.get(expected);
            question = new PlacementState.Question(expected, check.skill(),
                    check.type().name().toLowerCase(Locale.ROOT), check.prompt(), check.options());
        }
        return new PlacementState(row.id(), status, answers.size(), Placement.MAX_ITEMS, question, estimates,
                row.startedAt(), row.finishedAt());
    }

    private static RuntimeException conflict(String detail) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
