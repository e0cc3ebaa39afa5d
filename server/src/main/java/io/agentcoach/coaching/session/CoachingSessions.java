package io.agentcoach.coaching.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.CoachQuestion.Turn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching sessions and their messages. Every query is scoped to the owner (organization and
 * user): another learner's session does not exist as far as these methods are concerned.
 */
@Repository
public class CoachingSessions {

    public record Session(UUID id, String title, String lessonId, String exerciseId, Instant createdAt,
            Instant updatedAt) {
    }

    public record Message(UUID id, int position, String role, String content, String model, BigDecimal costUsd,
            Instant createdAt) {
    }

    public record Owner(UUID organizationId, UUID userId) {
    }

    private final JdbcClient jdbc;

    CoachingSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Session open(Owner owner, String title, String lessonId, String exerciseId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into coaching_sessions (id, organization_id, user_id, title, lesson_id, exercise_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, owner.organizationId(), owner.userId(), title, lessonId, exerciseId).update();
        return find(owner, id).orElseThrow();
    }

    public List<Session> list(Owner owner) {
        return jdbc.sql("""
                select id, title, lesson_id, exercise_id, created_at, updated_at from coaching_sessions
                where organization_id = ? and user_id = ? order by updated_at desc, id""")
                .params(owner.organizationId(), owner.userId()).query(CoachingSessions::session).list();
    }

    public Optional<Session> find(Owner owner, UUID id) {
        return jdbc.sql("""
                select id, title, lesson_id, exercise_id, created_at, updated_at from coaching_sessions
                where id = ? and organization_id = ? and user_id = ?""")
                .params(id, owner.organizationId(), owner.userId()).query(CoachingSessions::session).optional();
    }

    public boolean rename(Owner owner, UUID id, String title) {
        return jdbc.sql("""
                update coaching_sessions set title = ?, updated_at = current_timestamp
                where id = ? and organization_id = ? and user_id = ?""")
                .params(title, id, owner.organizationId(), owner.userId()).update() == 1;
    }

    public boolean delete(Owner owner, UUID id) {
        return jdbc.sql("delete from coaching_sessions where id = ? and organization_id = ? and user_id = ?")
                .params(id, owner.organizationId(), owner.userId()).update() == 1;
    }

    public List<Message> messages(Owner owner, UUID sessionId) {
        return jdbc.sql("""
                select m.id, m.position, m.role, m.content, m.model, m.cost_usd, m.created_at
                from coaching_messages m join coaching_sessions s on s.id = m.session_id
                where s.id = ? and s.organization_id = ? and s.user_id = ? order by m.position""")
                .params(sessionId, owner.organizationId(), owner.userId())
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    public List<Turn> history(Owner owner, UUID sessionId) {
        return messages(owner, sessionId).stream().map(m -> new Turn("learner".equals(m.role()), m.content())).toList();
    }

    /** Appends a message at the session's next position; the unique position guards concurrent appends. */
    @Transactional
    public void append(Owner owner, UUID sessionId, String role, String content, String model, BigDecimal costUsd) {
        int next = jdbc.sql("select coalesce(max(position), 0) + 1 from coaching_messages where session_id = ?")
                .param(sessionId).query(Integer.class).single();
        jdbc.sql("""
                insert into coaching_messages (id, session_id, organization_id, position, role, content, model, cost_usd)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), sessionId, owner.organizationId(), next, role, content, model, costUsd)
                .update();
        jdbc.sql("update coaching_sessions set updated_at = current_timestamp where id = ?").param(sessionId).update();
    }

    private static Session session(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Session(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
