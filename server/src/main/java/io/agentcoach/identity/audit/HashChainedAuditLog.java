package io.agentcoach.identity.audit;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.platform.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
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
 *
 * <p>An event's hash does not cover its personal fields themselves but salted digests of them, one
 * for the actor's part (actor, IP address, user agent) and one for the subject's part (target,
 * details). When a person deletes their account, {@link #pseudonymize} clears the parts that are
 * about them and their salts, and marks the events with a pseudonym; the stored digests keep the
 * chain verifiable, and without the salt nobody can test a guess against a digest. Every pseudonym
 * must be named by an {@value #ACCOUNT_DELETED} event of the chain, so clearing fields is not a
 * way to hide who did what. Events written before this scheme ({@value #LEGACY}) hash their
 * fields directly: once pseudonymized, only their link to the chain can be checked.
 */
@Service
public class HashChainedAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    static final int LEGACY = 1;
    static final int SALTED = 2;
    /** The action recorded when an account is deleted; its target is the pseudonym its events now carry. */
    public static final String ACCOUNT_DELETED = "account.deleted";
    private static final int ATTEMPTS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        Stored event = Stored.of(organizationId, actorId, action, target,
                request == null ? null : request.getRemoteAddr(),
                request == null ? null : request.getHeader("User-Agent"), details);
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

    /**
     * Appends an event without actor, IP address or user agent inside the caller's transaction
     * (bound to all tenants), so it commits or rolls back with the caller's work. When another node
     * appended at the same moment this throws {@link DuplicateKeyException}; the caller retries
     * its whole transaction.
     */
    public void appendWithin(UUID organizationId, String action, String target, String details) {
        append(Stored.of(organizationId, null, action, target, null, null, details));
    }

    private void append(Stored event) {
        String prev = jdbc.sql("select hash from audit_events order by seq desc limit 1").query(String.class)
                .optional().orElse(GENESIS);
        jdbc.sql("""
                insert into audit_events (id, organization_id, actor_id, action, target, ip, user_agent, details,
                    occurred_at, prev_hash, hash, hash_version, actor_salt, actor_digest, subject_salt, subject_digest)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(event.id(), event.organizationId(), event.actorId(), event.action(), event.target(),
                        event.ip(), event.userAgent(), event.details(), event.occurredAt().atOffset(ZoneOffset.UTC),
                        prev, event.hash(prev), SALTED, event.actorSalt(), event.actorDigest(), event.subjectSalt(),
                        event.subjectDigest()).update();
    }

    /**
     * Clears what the chain holds about {@code userId}: on events they did, the actor, IP address
     * and user agent; on events done to them, the target and details. Those events are marked with
     * {@code pseudonym}. Runs in the caller's transaction, bound to all tenants; returns how many
     * events were changed.
     */
    public int pseudonymize(UUID userId, String pseudonym) {
        jdbc.sql("""
                update audit_events set actor_id = null, ip = null, user_agent = null, actor_salt = null, erased_as = ?
                where actor_id = ?""").params(pseudonym, userId).update();
        jdbc.sql("""
                update audit_events set target = null, details = null, subject_salt = null, erased_as = ?
                where target = ?""").params(pseudonym, userId.toString()).update();
        return jdbc.sql("select count(*) from audit_events where erased_as = ?").param(pseudonym)
                .query(Integer.class).single();
    }

    /** Recomputes the whole chain, streaming it; the first event that does not match is reported. */
    public Verification verify() {
        return Tenants.callAsSystem(() -> {
            Verifier verifier = new Verifier();
            jdbc.sql(SELECT + " order by seq").withFetchSize(1000)
                    .query((RowCallbackHandler) rs -> verifier.check(Stored.row(rs)));
            return verifier.result();
        });
    }

    /** The newest events of the organization bound to this request. */
    public List<Event> latest(UUID organizationId, int limit) {
        return Tenants.callAs(organizationId, () -> jdbc.sql(SELECT + " where organization_id = ? order by seq desc")
                .param(organizationId).withMaxRows(limit).query((rs, n) -> Stored.row(rs).view()).list());
    }

    private static final String SELECT = """
            select seq, id, organization_id, actor_id, action, target, ip, user_agent, details, occurred_at,
                prev_hash, hash, hash_version, actor_salt, actor_digest, subject_salt, subject_digest, erased_as
            from audit_events""";

    /** Walks the chain in order, remembering the first break and the pseudonyms to account for. */
    private static final class Verifier {
        private String prev = GENESIS;
        private int checked;
        private int pseudonymized;
        private Long firstBroken;
        private final Set<String> deletions = new HashSet<>();
        private final Map<String, Long> erasedFirstSeen = new HashMap<>();

        void check(Stored e) {
            checked++;
            if (firstBroken == null && !(e.prevHash().equals(prev) && e.intact(prev))) {
                firstBroken = e.seq();
            }
            if (e.erasedAs() != null) {
                pseudonymized++;
                erasedFirstSeen.putIfAbsent(e.erasedAs(), e.seq());
            }
            if (ACCOUNT_DELETED.equals(e.action()) && e.target() != null) {
                deletions.add(e.target());
            }
            prev = e.hash();
        }

        Verification result() {
            Long broken = firstBroken;
            for (var erased : erasedFirstSeen.entrySet()) {
                if (!deletions.contains(erased.getKey()) && (broken == null || erased.getValue() < broken)) {
                    broken = erased.getValue();
                }
            }
            return new Verification(broken == null, checked, broken, pseudonymized);
        }
    }

    /** An event as the chain stores it, with what its hash is computed from. */
    private record Stored(long seq, UUID id, UUID organizationId, UUID actorId, String action, String target,
            String ip, String userAgent, String details, Instant occurredAt, String prevHash, String hash, int version,
            String actorSalt, String actorDigest, String subjectSalt, String subjectDigest, String erasedAs) {

        static Stored of(UUID organizationId, UUID actorId, String action, String target, String ip, String userAgent,
                String details) {
            String actorSalt = salt();
            String subjectSalt = salt();
            String t = truncate(target, 200);
            String i = truncate(ip, 100);
            String ua = truncate(userAgent, 500);
            String d = truncate(details, 2000);
            return new Stored(0, UUID.randomUUID(), organizationId, actorId, action, t, i, ua, d,
                    Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, SALTED, actorSalt,
                    actorDigest(actorSalt, actorId, i, ua), subjectSalt, subjectDigest(subjectSalt, t, d), null);
        }

        static Stored row(ResultSet rs) throws SQLException {
            return new Stored(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11),
                    rs.getString(12), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16),
                    rs.getString(17), rs.getString(18));
        }

        String hash(String prev) {
            if (version == LEGACY) {
                return Digests.sha256Hex(join(prev, id, organizationId, actorId, action, target, ip, userAgent, details,
                        micros()));
            }
            return Digests.sha256Hex(join(prev, SALTED, id, organizationId, action, micros(), actorDigest,
                    subjectDigest));
        }

        /** Whether the stored hash matches the content (for a pseudonymized legacy event only the link can be checked). */
        boolean intact(String prev) {
            if (version == LEGACY) {
                return erasedAs != null || hash.equals(hash(prev));
            }
            boolean actorPart = actorSalt != null
                    ? actorDigest(actorSalt, actorId, ip, userAgent).equals(actorDigest)
                    : actorId == null && ip == null && userAgent == null && erasedAs != null;
            boolean subjectPart = subjectSalt != null
                    ? subjectDigest(subjectSalt, target, details).equals(subjectDigest)
                    : target == null && details == null && erasedAs != null;
            return actorPart && subjectPart && hash.equals(hash(prev));
        }

        Event view() {
            return new Event(seq, id, organizationId, actorId, action, target, ip, userAgent, details, occurredAt,
                    prevHash, hash, erasedAs);
        }

        private long micros() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        }

        private static String actorDigest(String salt, UUID actorId, String ip, String userAgent) {
            return Digests.sha256Hex(join(salt, actorId, ip, userAgent));
        }

        private static String subjectDigest(String salt, String target, String details) {
            return Digests.sha256Hex(join(salt, target, details));
        }

        private static String salt() {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        private static String join(Object... parts) {
            List<String> texts = new ArrayList<>(parts.length);
            for (Object part : parts) {
                texts.add(Objects.toString(part, ""));
            }
            return String.join("\u001f", texts);
        }

        private static String truncate(String s, int max) {
            return s == null || s.length() <= max ? s : s.substring(0, max);
        }
    }

    /**
     * One audit event as readers see it.
     *
     * @param erasedAs the pseudonym of a deleted account whose personal fields were cleared, or null
     */
    public record Event(long seq, UUID id, UUID organizationId, UUID actorId, String action, String target, String ip,
            String userAgent, String details, Instant occurredAt, String prevHash, String hash, String erasedAs) {
    }

    /**
     * The outcome of checking the chain: {@code firstBrokenSeq} is null when it is intact;
     * {@code pseudonymized} counts the events of deleted accounts.
     */
    public record Verification(boolean intact, int checked, Long firstBrokenSeq, int pseudonymized) {
    }
}
