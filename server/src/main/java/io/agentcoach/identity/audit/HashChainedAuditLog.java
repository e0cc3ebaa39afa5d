package io.agentcoach.identity.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.platform.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log as one hash chain over all organizations. Each event is written in a transaction
 * of its own, so a failed login is recorded although its request fails. When two nodes append
 * at once, the unique {@code prev_hash} lets one win and the other retry on the new head.
 */
@Service
public class HashChainedAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    HashChainedAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(UUID organizationId, UUID actorId, String action, String target, String details) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        Event event = new Event(0, UUID.randomUUID(), organizationId, actorId, action, truncate(target, 200),
                request == null ? null : truncate(request.getRemoteAddr(), 100),
                request == null ? null : truncate(request.getHeader("User-Agent"), 500), truncate(details, 2000),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
        for (int attempt = 1; ; attempt++) {
            try {
                Tenants.runAsSystem(() -> transactions.executeWithoutResult(s -> append(event)));
                return;
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private void append(Event event) {
        String prev = jdbc.sql("select hash from audit_events order by seq desc limit 1").query(String.class)
                .optional().orElse(GENESIS);
        jdbc.sql("""
                insert into audit_events (id, organization_id, actor_id, action, target, ip, user_agent, details,
                    occurred_at, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(event.id(), event.organizationId(), event.actorId(), event.action(), event.target(),
                        event.ip(), event.userAgent(), event.details(), event.occurredAt().atOffset(ZoneOffset.UTC),
                        prev, hash(prev, event)).update();
    }

    /** Recomputes the whole chain; the first row whose link or content does not match is reported. */
    public Verification verify() {
        return Tenants.callAsSystem(() -> {
            List<Event> events = jdbc.sql(SELECT + " order by seq").query(HashChainedAuditLog::row).list();
            String prev = GENESIS;
            for (Event e : events) {
                if (!e.prevHash().equals(prev) || !e.hash().equals(hash(prev, e))) {
                    return new Verification(false, events.size(), e.seq());
                }
                prev = e.hash();
            }
            return new Verification(true, events.size(), null);
        });
    }

    /** The newest events of the organization bound to this request. */
    public List<Event> latest(UUID organizationId, int limit) {
        return Tenants.callAs(organizationId, () -> jdbc.sql(SELECT + " where organization_id = ? order by seq desc")
                .param(organizationId).query(HashChainedAuditLog::row).stream().limit(limit)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    static String hash(String prev, Event e) {
        String content = String.join("\u001f", prev, e.id().toString(), Objects.toString(e.organizationId(), ""),
                Objects.toString(e.actorId(), ""), e.action(), Objects.toString(e.target(), ""),
                Objects.toString(e.ip(), ""), Objects.toString(e.userAgent(), ""), Objects.toString(e.details(), ""),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, e.occurredAt())));
        return Digests.sha256Hex(content);
    }

    private static final String SELECT = """
            select seq, id, organization_id, actor_id, action, target, ip, user_agent, details, occurred_at,
                prev_hash, hash from audit_events""";

    private static Event row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Event(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11),
                rs.getString(12));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** One audit event as stored. */
    public record Event(long seq, UUID id, UUID organizationId, UUID actorId, String action, String target, String ip,
            String userAgent, String details, Instant occurredAt, String prevHash, String hash) {
    }

    /** The outcome of checking the chain: {@code firstBrokenSeq} is null when it is intact. */
    public record Verification(boolean intact, int checked, Long firstBrokenSeq) {
    }
}
