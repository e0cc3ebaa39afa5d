package io.agentcoach.coaching.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.CoachQuestion.Turn;
import io.agentcoach.coaching.CoachToolCall;
import io.agentcoach.coaching.context.ConversationSummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching sessions and their messages. Every query is scoped to the owner (organization and
 * user): another learner's session does not exist as far as these methods are concerned.
 */
@Repository
public class CoachingSessions implements ConversationSummaries {

    public record Session(UUID id, String title, String lessonId, String exerciseId, Instant createdAt,
            Instant updatedAt) {
    }

    /**
     * A message; a coach's answer lists the tool calls it made, in order, and says whether the
     * learner stopped it while it streamed (its content is then the part streamed until the stop).
     */
    public record Message(UUID id, int position, String role, String content, String model, BigDecimal costUsd,
            Instant createdAt, List<CoachToolCall> toolCalls, boolean stopped) {
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
                select m.id, m.position, m.role, m.content, m.model, m.cost_usd, m.created_at, m.stopped
                from coaching_messages m join coaching_sessions s on s.id = m.session_id
                where s.id = ? and s.organization_id = ? and s.user_id = ? order by m.position""")
                .params(sessionId, owner.organizationId(), owner.userId())
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), List.of(), rs.getBoolean(8)))
                .list();
    }

    /** The session's messages with each answer's tool calls. */
    public List<Message> messagesWithToolCalls(Owner owner, UUID sessionId) {
        Map<UUID, List<CoachToolCall>> calls = new HashMap<>();
        jdbc.sql("""
                select t.message_id, t.tool, t.arguments, t.outcome, t.result_excerpt, t.duration_ms
                from coaching_tool_calls t join coaching_sessions s on s.id = t.session_id
                where s.id = ? and s.organization_id = ? and s.user_id = ? order by t.message_id, t.sequence""")
                .params(sessionId, owner.organizationId(), owner.userId())
                .query(rs -> {
                    calls.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new CoachToolCall(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getLong(6)));
                });
        return messages(owner, sessionId).stream().map(m -> new Message(m.id(), m.position(), m.role(), m.content(),
                m.model(), m.costUsd(), m.createdAt(), calls.getOrDefault(m.id(), List.of()), m.stopped())).toList();
    }

    public List<Turn> history(Owner owner, UUID sessionId) {
        return messages(owner, sessionId).stream()
                .map(m -> new Turn(m.position(), "learner".equals(m.role()), m.content())).toList();
    }

    @Override
    public Optional<Summary> find(UUID organizationId, UUID sessionId) {
        return jdbc.sql("""
                select summary, summary_through from coaching_sessions
                where id = ? and organization_id = ? and summary is not null""")
                .params(sessionId, organizationId)
                .query((rs, n) -> new Summary(rs.getString(1), rs.getInt(2)))
                .optional();
    }

    @Override
    public void save(UUID organizationId, UUID sessionId, String text, int through) {
        jdbc.sql("update coaching_sessions set summary = ?, summary_through = ? where id = ? and organization_id = ?")
                .params(text, through, sessionId, organizationId).update();
    }

    /** The stored summary of the session's older turns, or "" when none was needed yet. */
    public String summary(Owner owner, UUID sessionId) {
        return jdbc.sql("select summary from coaching_sessions where id = ? and organization_id = ? and user_id = ?")
                .params(sessionId, owner.organizationId(), owner.userId()).query(String.class).optional()
                .orElse("");
    }

    /** Logs the tool calls an answer made, in order, with the answer's message. */
    public void recordToolCalls(Owner owner, UUID sessionId, UUID messageId, List<CoachToolCall> calls) {
        for (int i = 0; i < calls.size(); i++) {
            CoachToolCall call = calls.get(i);
            jdbc.sql("""
                    insert into coaching_tool_calls (id, organization_id, user_id, session_id, message_id, sequence,
                        tool, arguments, outcome, result_excerpt, duration_ms)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), owner.organizationId(), owner.userId(), sessionId, messageId, i + 1,
                            call.tool(), call.arguments(), call.outcome(), call.resultExcerpt(), call.durationMillis())
                    .update();
        }
    }

    /**
     * Appends a message at the session's next position and returns its id; the unique position
     * guards concurrent appends. {@code stopped}: a coach answer the learner stopped while it streamed.
     */
    @Transactional
    public UUID append(Owner owner, UUID sessionId, String role, String content, String model, BigDecimal costUsd,
            boolean stopped) {
        UUID id = UUID.randomUUID();
        int next = jdbc.sql("select coalesce(max(position), 0) + 1 from coaching_messages where session_id = ?")
                .param(sessionId).query(Integer.class).single();
        jdbc.sql("""
                insert into coaching_messages (id, session_id, organization_id, position, role, content, model, cost_usd,
                    stopped)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sessionId, owner.organizationId(), next, role, content, model, costUsd, stopped)
                .update();
        jdbc.sql("update coaching_sessions set updated_at = current_timestamp where id = ?").param(sessionId).update();
        return id;
    }

    private static Session session(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Session(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
