package io.agentcoach.knowledge.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.agentcoach.platform.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploaded documents of every organization ({@code knowledge_documents}). */
@Repository
public class Documents {

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored document without its body. */
    public record Summary(UUID id, UUID organizationId, String title, String mediaType, long sizeBytes, Instant createdAt) {
    }

    /** A stored document with its extracted text. */
    public record Stored(Summary summary, String body) {
    }

    public Summary add(UUID organizationId, UUID createdBy, String title, String mediaType, long sizeBytes, String body) {
        Summary summary = new Summary(UUID.randomUUID(), organizationId, title, mediaType, sizeBytes, Instant.now());
        jdbc.sql("""
                insert into knowledge_documents (id, organization_id, title, media_type, size_bytes, body, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(summary.id(), organizationId, title, mediaType, sizeBytes, body, createdBy,
                        OffsetDateTime.ofInstant(summary.createdAt(), ZoneOffset.UTC))
                .update();
        return summary;
    }

    public List<Summary> ofOrganization(UUID organizationId) {
        return jdbc.sql("""
                select id, organization_id, title, media_type, size_bytes, created_at
                from knowledge_documents where organization_id = ? order by created_at desc""")
                .param(organizationId)
                .query((rs, n) -> summary(rs))
                .list();
    }

    public Optional<Stored> find(UUID organizationId, UUID id) {
        return jdbc.sql("""
                select id, organization_id, title, media_type, size_bytes, created_at, body
                from knowledge_documents where organization_id = ? and id = ?""")
                .params(organizationId, id)
                .query((rs, n) -> new Stored(summary(rs), rs.getString(7)))
                .optional();
    }

    /** Deletes the document if it belongs to the organization; whether it did. */
    public boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from knowledge_documents where organization_id = ? and id = ?")
                .params(organizationId, id).update() == 1;
    }

    /**
     * Streams every document of every organization to {@code each} (start-up catch-up): the one
     * read across tenants, which the node's own index needs; search filters by tenant again.
     */
    public void forEach(Consumer<Stored> each) {
        Tenants.runAsSystem(() -> jdbc.sql(
                "select id, organization_id, title, media_type, size_bytes, created_at, body from knowledge_documents")
                .query(rs -> {
                    each.accept(new Stored(summary(rs), rs.getString(7)));
                }));
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
