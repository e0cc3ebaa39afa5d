package io.agentcoach.identity.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.ConsentPurpose;
import io.agentcoach.identity.Consents;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Consent kept as an append-only history in {@code consent_records}: the latest record per person
 * and purpose is in force. Every change is audited ({@code consent.granted}, {@code consent.withdrawn}).
 */
@Service
class ConsentRecords implements Consents {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ConsentRecords(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public boolean granted(UUID userId, ConsentPurpose purpose) {
        return latest(userId, purpose).map(Change::granted).orElse(false);
    }

    @Override
    public void record(UUID userId, ConsentPurpose purpose, boolean granted) {
        if (granted(userId, purpose) == granted) {
            return;
        }
        jdbc.sql("insert into consent_records (user_id, purpose, granted, wording_version) values (?, ?, ?, ?)")
                .params(userId, purpose.id(), granted, purpose.version()).update();
        audit.record(Tenants.current().orElse(null), userId, granted ? "consent.granted" : "consent.withdrawn",
                purpose.id(), "wording version " + purpose.version());
    }

    /** Every purpose with the person's standing and history, newest change first. */
    List<Consent> of(UUID userId) {
        return Arrays.stream(ConsentPurpose.values()).map(purpose -> {
            List<Change> history = history(userId, purpose, Integer.MAX_VALUE);
            Change current = history.isEmpty() ? null : history.getFirst();
            return new Consent(purpose.id(), current != null && current.granted(),
                    current == null ? null : current.wordingVersion(), current == null ? null : current.at(),
                    purpose.version(), purpose.wording(), history);
        }).toList();
    }

    private Optional<Change> latest(UUID userId, ConsentPurpose purpose) {
        return history(userId, purpose, 1).stream().findFirst();
    }

    private List<Change> history(UUID userId, ConsentPurpose purpose, int max) {
        return jdbc.sql("""
                select granted, wording_version, recorded_at from consent_records
                where user_id = ? and purpose = ? order by id desc""").params(userId, purpose.id()).withMaxRows(max)
                .query((rs, n) -> new Change(rs.getBoolean(1), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * A purpose as the person sees it.
     *
     * @param granted whether consent is in force
     * @param wordingVersion the version of the wording the latest change applied to, null if never asked
     * @param changedAt when consent was last given or withdrawn, null if never
     * @param currentWordingVersion the version of {@code wording}, to send back when granting
     */
    record Consent(String purpose, boolean granted, Integer wordingVersion, Instant changedAt,
            int currentWordingVersion, String wording, List<Change> history) {
    }

    /** One change: given or withdrawn, to which wording, when. */
    record Change(boolean granted, int wordingVersion, Instant at) {
    }
}
