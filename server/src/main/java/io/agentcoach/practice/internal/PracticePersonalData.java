package io.agentcoach.practice.internal;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.PersonalDataExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Practice's part of a person's data: their attempts with drafts, and submissions with code and verdicts. */
@Component
class PracticePersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    PracticePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "practice";
    }

    @Override
    public void export(PersonalDataExport export) {
        export.rows("attempts", """
                select id, organization_id, exercise_id, draft, started_at, updated_at from practice_attempts
                where user_id = ? order by started_at, id""", export.userId());
        export.rows("submissions", """
                select id, organization_id, exercise_id, attempt_id, attempt_number, idempotency_key, code, status,
                    passed, score, result, submitted_at, graded_at
                from practice_submissions where user_id = ? order by submitted_at, id""", export.userId());
    }

    @Override
    public void erase(AccountErasure erasure) {
        jdbc.sql("delete from practice_submissions where user_id = ?").param(erasure.userId()).update();
        jdbc.sql("delete from practice_attempts where user_id = ?").param(erasure.userId()).update();
        for (var organization : erasure.deletedOrganizationIds()) {
            jdbc.sql("delete from practice_submissions where organization_id = ?").param(organization).update();
            jdbc.sql("delete from practice_attempts where organization_id = ?").param(organization).update();
        }
    }
}
