package io.agentcoach.content.runtime;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.PersonalDataExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Content's part of a person's data: the organization exercises they were the last to change.
 * The exercises belong to the organization and stay when the person leaves, no longer naming
 * them; those of an organization deleted with the person go.
 */
@Component
class OrganizationExercisesPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    OrganizationExercisesPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "content";
    }

    @Override
    public void export(PersonalDataExport export) {
        export.rows("organizationExercisesLastChanged", """
                select organization_id, exercise_id, updated_at, files from content_organization_exercises
                where updated_by = ? order by organization_id, exercise_id""", export.userId());
    }

    @Override
    public void erase(AccountErasure erasure) {
        for (var organization : erasure.deletedOrganizationIds()) {
            jdbc.sql("delete from content_organization_exercises where organization_id = ?").param(organization)
                    .update();
        }
        jdbc.sql("update content_organization_exercises set updated_by = ? where updated_by = ?")
                .params(AccountErasure.ERASED_USER, erasure.userId()).update();
    }
}
