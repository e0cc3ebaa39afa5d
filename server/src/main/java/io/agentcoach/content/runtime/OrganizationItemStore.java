package io.agentcoach.content.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organization-private lessons and exercises, one table per {@link Kind}, each row holding the item's
 * files (file name to text). Every statement runs bound to the organization it names, so row-level
 * security confines it to that tenant; only {@link #all(Kind)} (for indexers) reads every tenant.
 */
@Repository
class OrganizationItemStore {

    /** The two kinds of organization-private content and where each is kept. */
    enum Kind {
        LESSON("content_organization_lessons", "lesson_id", "Lesson"),
        EXERCISE("content_organization_exercises", "exercise_id", "Exercise");

        private final String table;
        private final String idColumn;
        private final String label;

        Kind(String table, String idColumn, String label) {
            this.table = table;
            this.idColumn = idColumn;
            this.label = label;
        }

        /** "Lesson" or "Exercise", for messages. */
        String label() {
            return label;
        }
    }

    record Row(String id, Map<String, String> files, String hash) {
    }

    record Key(UUID organizationId, String id) {
    }

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    OrganizationItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> hash(Kind kind, UUID organizationId, String id) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select files_hash from " + kind.table
                + " where organization_id = ? and " + kind.idColumn + " = ?").params(organizationId, id)
                .query(String.class).optional());
    }

    Optional<Row> find(Kind kind, UUID organizationId, String id) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select " + kind.idColumn + ", files, files_hash from "
                + kind.table + " where organization_id = ? and " + kind.idColumn + " = ?")
                .params(organizationId, id)
                .query((rs, n) -> new Row(rs.getString(1), json.readValue(rs.getString(2), FILES), rs.getString(3)))
                .optional());
    }

    List<String> ids(Kind kind, UUID organizationId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select " + kind.idColumn + " from " + kind.table
                + " where organization_id = ? order by " + kind.idColumn).param(organizationId).query(String.class)
                .list());
    }

    /** Every organization's items of one kind: for indexers, which apply their own tenant filter. */
    List<Key> all(Kind kind) {
        return Tenants.callAsSystem(() -> jdbc.sql("select organization_id, " + kind.idColumn + " from " + kind.table
                + " order by organization_id, " + kind.idColumn)
                .query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getString(2))).list());
    }

    /** Inserts the item; false when the organization already has one with this id. */
    boolean insert(Kind kind, UUID organizationId, String id, Map<String, String> files, UUID by, Instant now) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("insert into " + kind.table
                + " (organization_id, " + kind.idColumn + ", files, files_hash, updated_by, updated_at) "
                + "select ?, ?, ?, ?, ?, ? where not exists (select 1 from " + kind.table
                + " where organization_id = ? and " + kind.idColumn + " = ?)")
                .params(organizationId, id, json.writeValueAsString(files), OrganizationOverlay.hash(files),
                        by, now.atOffset(ZoneOffset.UTC), organizationId, id)
                .update() == 1);
    }

    /** Replaces the item; false when there is none. */
    boolean replace(Kind kind, UUID organizationId, String id, Map<String, String> files, UUID by, Instant now) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("update " + kind.table + " set files = ?, "
                + "files_hash = ?, updated_by = ?, updated_at = ? where organization_id = ? and " + kind.idColumn
                + " = ?")
                .params(json.writeValueAsString(files), OrganizationOverlay.hash(files), by,
                        now.atOffset(ZoneOffset.UTC), organizationId, id)
                .update() == 1);
    }

    boolean delete(Kind kind, UUID organizationId, String id) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("delete from " + kind.table + " where "
                + "organization_id = ? and " + kind.idColumn + " = ?").params(organizationId, id).update() == 1);
    }
}
