package io.agentcoach.practice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.practice.internal.PracticeRecords.Attempt;
import io.agentcoach.practice.internal.PracticeRecords.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Practice's tables; every query is scoped by user. Row-level security confines each statement to
 * the organization its thread is bound to (platform.Tenants); {@link #pending} runs system-wide.
 */
@Repository
class PracticeStore {

    private static final String SUBMISSION_COLUMNS = "id, organization_id, user_id, exercise_id, attempt_id, "
            + "attempt_number, idempotency_key, request_hash, code, status, passed, score, result, submitted_at, graded_at";

    private final JdbcClient jdbc;

    PracticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    void insert(Attempt a) {
        jdbc.sql("insert into practice_attempts (id, organization_id, user_id, exercise_id, draft, started_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.organizationId(), a.userId(), a.exerciseId(), a.draft(), utc(a.startedAt()),
                        utc(a.updatedAt()))
                .update();
    }

    Optional<Attempt> attempt(UUID id, UUID userId) {
        return jdbc.sql("select * from practice_attempts where id = ? and user_id = ?").params(id, userId)
                .query(PracticeStore::attempt).optional();
    }

    /** The learner's most recently updated attempt at an exercise in an organization. */
    Optional<Attempt> latestAttempt(UUID organizationId, UUID userId, String exerciseId) {
        return jdbc.sql("select * from practice_attempts where organization_id = ? and user_id = ? and exercise_id = ?"
                + " order by updated_at desc, id limit 1").params(organizationId, userId, exerciseId)
                .query(PracticeStore::attempt).optional();
    }

    boolean saveDraft(UUID id, UUID userId, String draft, Instant now) {
        return jdbc.sql("update practice_attempts set draft = ?, updated_at = ? where id = ? and user_id = ?")
                .params(draft, utc(now), id, userId).update() == 1;
    }

    /** Inserts; a {@code DuplicateKeyException} when the user already used the idempotency key. */
    void insert(Submission s) {
        jdbc.sql("insert into practice_submissions (" + SUBMISSION_COLUMNS + ") values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.organizationId(), s.userId(), s.exerciseId(), s.attemptId(), s.attemptNumber(),
                        s.idempotencyKey(), s.requestHash(), s.code(), s.status(), s.passed(), s.score(),
                        s.result(), utc(s.submittedAt()), utc(s.gradedAt()))
                .update();
    }

    int submissionCount(UUID userId, String exerciseId) {
        return jdbc.sql("select count(*) from practice_submissions where user_id = ? and exercise_id = ?")
                .params(userId, exerciseId).query(Integer.class).single();
    }

    Optional<Submission> byKey(UUID userId, String key) {
        return jdbc.sql("select " + SUBMISSION_COLUMNS + " from practice_submissions where user_id = ? and idempotency_key = ?")
                .params(userId, key).query(PracticeStore::submission).optional();
    }

    Optional<Submission> submission(UUID id, UUID userId) {
        return jdbc.sql("select " + SUBMISSION_COLUMNS + " from practice_submissions where id = ? and user_id = ?")
                .params(id, userId).query(PracticeStore::submission).optional();
    }

    Optional<Submission> submission(UUID id) {
        return jdbc.sql("select " + SUBMISSION_COLUMNS + " from practice_submissions where id = ?")
                .params(id).query(PracticeStore::submission).optional();
    }

    List<Submission> history(UUID userId, String exerciseId) {
        return jdbc.sql("select " + SUBMISSION_COLUMNS + " from practice_submissions where user_id = ? and exercise_id = ?"
                + " order by submitted_at desc, attempt_number desc").params(userId, exerciseId)
                .query(PracticeStore::submission).list();
    }

    /** Submissions, graded ones, passed ones and the best score of a user on an exercise. */
    Practice.ProgressView progress(UUID userId, String exerciseId) {
        return jdbc.sql("select count(*) as submitted, count(graded_at) as graded,"
                + " count(case when passed then 1 end) as passed, max(score) as best from practice_submissions"
                + " where user_id = ? and exercise_id = ?").params(userId, exerciseId)
                .query((rs, row) -> {
                    double best = rs.getDouble("best");
                    return new Practice.ProgressView(exerciseId, rs.getInt("submitted"), rs.getInt("graded"),
                            rs.getInt("passed"), rs.wasNull() ? null : best, rs.getInt("passed") > 0);
                }).single();
    }

    /** Claims a submission for grading: queued ones, or ones whose grader went quiet before {@code staleBefore}. */
    boolean claim(UUID id, Instant now, Instant staleBefore) {
        return jdbc.sql("update practice_submissions set status = 'grading', claimed_at = ? where id = ? and "
                + "(status = 'queued' or (status = 'grading' and claimed_at < ?))")
                .params(utc(now), id, utc(staleBefore)).update() == 1;
    }

    /** Submissions waiting for a grader: queued, or claimed before {@code staleBefore} and never finished. */
    List<Pending> pending(Instant staleBefore, int limit) {
        return jdbc.sql("select id, organization_id from practice_submissions where status = 'queued' or "
                + "(status = 'grading' and claimed_at < ?) order by submitted_at limit ?").params(utc(staleBefore), limit)
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** A submission waiting for a grader, and the organization (tenant) it belongs to. */
    record Pending(UUID id, UUID organizationId) {
    }

    boolean release(UUID id) {
        return jdbc.sql("update practice_submissions set status = 'queued', claimed_at = null where id = ? and status = 'grading'")
                .params(id).update() == 1;
    }

    boolean complete(UUID id, boolean passed, double score, String result, Instant now) {
        return jdbc.sql("update practice_submissions set status = 'graded', passed = ?, score = ?, result = ?, graded_at = ?"
                + " where id = ? and status = 'grading'")
                .params(passed, score, result, utc(now), id).update() == 1;
    }

    /** Gives up on a submission that cannot be graded (its exercise is gone): status failed, no verdict. */
    boolean fail(UUID id, Instant now) {
        return jdbc.sql("update practice_submissions set status = 'failed', graded_at = ? where id = ? and status = 'grading'")
                .params(utc(now), id).update() == 1;
    }

    /** The exercises a user has solved (some submission passed every test). */
    Set<String> solvedExercises(UUID userId) {
        return Set.copyOf(jdbc.sql("select distinct exercise_id from practice_submissions where user_id = ? and passed")
                .params(userId).query(String.class).list());
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        return new Attempt(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("exercise_id"), rs.getString("draft"),
                instant(rs, "started_at"), instant(rs, "updated_at"));
    }

    private static Submission submission(ResultSet rs, int row) throws SQLException {
        double score = rs.getDouble("score");
        Double scoreOrNull = rs.wasNull() ? null : score;
        boolean passed = rs.getBoolean("passed");
        Boolean passedOrNull = rs.wasNull() ? null : passed;
        return new Submission(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("exercise_id"), rs.getObject("attempt_id", UUID.class),
                rs.getInt("attempt_number"), rs.getString("idempotency_key"), rs.getString("request_hash"),
                rs.getString("code"), rs.getString("status"), passedOrNull, scoreOrNull, rs.getString("result"),
                instant(rs, "submitted_at"), instant(rs, "graded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
