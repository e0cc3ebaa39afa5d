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
 * Organization-private exercise folders in {@code content_organization_exercises}. Every statement
 * runs bound to the organization it names, so row-level security confines it to that tenant.
 */
@Repository
class OrganizationExerciseStore {

    record Row(String exerciseId, Map<String, String> files, String hash) {
    }

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    OrganizationExerciseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> hash(UUID organizationId, String exerciseId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select files_hash from content_organization_exercises "
                + "where organization_id = ? and exercise_id = ?").params(organizationId, exerciseId)
                .query(String.class).optional());
    }

    Optional<Row> find(UUID organizationId, String exerciseId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select exercise_id, files, files_hash from "
                + "content_organization_exercises where organization_id = ? and exercise_id = ?")
                .params(organizationId, exerciseId)
                .query((rs, n) -> new Row(rs.getString(1), json.readValue(rs.getString(2), FILES), rs.getString(3)))
                .optional());
    }

    List<String> ids(UUID organizationId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("select exercise_id from content_organization_exercises "
                + "where organization_id = ? order by exercise_id").param(organizationId).query(String.class).list());
    }

    /** Inserts the folder; false when the organization already has an exercise with this id. */
    boolean insert(UUID organizationId, String exerciseId, Map<String, String> files, UUID by, Instant now) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("insert into content_organization_exercises "
                + "(organization_id, exercise_id, files, files_hash, updated_by, updated_at) select ?, ?, ?, ?, ?, ? "
                + "where not exists (select 1 from content_organization_exercises where organization_id = ? and "
                + "exercise_id = ?)")
                .params(organizationId, exerciseId, json.writeValueAsString(files), OrganizationExerciseFolder.hash(files),
                        by, now.atOffset(ZoneOffset.UTC), organizationId, exerciseId)
                .update() == 1);
    }

    /** Replaces the folder; false when there is none. */
    boolean replace(UUID organizationId, String exerciseId, Map<String, String> files, UUID by, Instant now) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("update content_organization_exercises set files = ?, "
                + "files_hash = ?, updated_by = ?, updated_at = ? where organization_id = ? and exercise_id = ?")
                .params(json.writeValueAsString(files), OrganizationExerciseFolder.hash(files), by,
                        now.atOffset(ZoneOffset.UTC), organizationId, exerciseId)
                .update() == 1);
    }

    boolean delete(UUID organizationId, String exerciseId) {
        return Tenants.callAs(organizationId, () -> jdbc.sql("delete from content_organization_exercises where "
                + "organization_id = ? and exercise_id = ?").params(organizationId, exerciseId).update() == 1);
    }
}
