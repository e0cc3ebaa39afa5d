package io.agentcoach.mastery.internal;

import java.util.UUID;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.PersonalDataExport;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * Mastery's part of a person's data: the answers it observed, current estimates and their history,
 * goals, placements with their answers, and the learning path recommended now in each organization.
 */
@Component
class MasteryPersonalData implements PersonalDataContributor {

    static final int PATH_STEPS = 10;

    private final JdbcClient jdbc;
    private final LearningPaths paths;

    MasteryPersonalData(JdbcClient jdbc, LearningPaths paths) {
        this.jdbc = jdbc;
        this.paths = paths;
    }

    @Override
    public String module() {
        return "mastery";
    }

    @Override
    public void export(PersonalDataExport export) {
        UUID user = export.userId();
        export.rows("skillEstimates", """
                select organization_id, skill_id, mastery, proficiency, attempts, updated_at from mastery_skill_states
                where user_id = ? order by organization_id, skill_id""", user);
        export.rows("history", """
                select organization_id, skill_id, attempt_id, mastery, proficiency, occurred_at from mastery_history
                where user_id = ? order by organization_id, skill_id, occurred_at, id""", user);
        export.rows("observedAnswers", """
                select organization_id, attempt_id, item_id, skill_ids, correct, occurred_at from mastery_attempts
                where user_id = ? order by occurred_at, attempt_id""", user);
        export.rows("goals", """
                select organization_id, skill_id, set_at from mastery_goals where user_id = ? order by set_at""", user);
        export.rows("placements", """
                select id, organization_id, status, current_item_id, started_at, finished_at from mastery_placements
                where user_id = ? order by started_at""", user);
        export.rows("placementAnswers", """
                select a.placement_id, a.seq, a.item_id, a.skill_id, a.correct, a.answered_at
                from mastery_placement_answers a join mastery_placements p on p.id = a.placement_id
                where p.user_id = ? order by p.started_at, a.seq""", user);
        writePaths(export);
    }

    private void writePaths(PersonalDataExport export) {
        JsonGenerator json = export.json();
        json.writeArrayPropertyStart("learningPaths");
        for (UUID organization : jdbc.sql("""
                select organization_id from mastery_skill_states where user_id = ?
                union select organization_id from mastery_goals where user_id = ?""")
                .params(export.userId(), export.userId()).query(UUID.class).list()) {
            LearningPath path = paths.pathFor(organization, export.userId(), null, PATH_STEPS);
            json.writeStartObject();
            json.writeStringProperty("organizationId", organization.toString());
            json.writeStringProperty("goalSkillId", path.goalSkillId());
            json.writeName("steps");
            json.writePOJO(path.steps());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void erase(AccountErasure erasure) {
        UUID user = erasure.userId();
        // placement answers go with their placement (foreign key)
        for (String table : new String[] {"mastery_placements", "mastery_goals", "mastery_history",
                "mastery_skill_states", "mastery_attempts"}) {
            jdbc.sql("delete from " + table + " where user_id = ?").param(user).update();
            for (UUID organization : erasure.deletedOrganizationIds()) {
                jdbc.sql("delete from " + table + " where organization_id = ?").param(organization).update();
            }
        }
    }
}
