package io.agentcoach.coaching.session;

import java.util.UUID;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.PersonalDataExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coaching's part of a person's data: sessions and their messages, model usage, preferences and
 * the exercises the coach knows they solved. Erasing deletes all of it except the model calls,
 * which count against the organization's budget: those stay, no longer naming the person or a
 * session. An organization deleted with the person takes its policy and every call along.
 * Consent to external processing is identity's (its consent records).
 */
@Component
class CoachingPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    CoachingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "coaching";
    }

    @Override
    public void export(PersonalDataExport export) {
        UUID user = export.userId();
        export.rows("sessions", """
                select id, organization_id, title, lesson_id, exercise_id, created_at, updated_at from coaching_sessions
                where user_id = ? order by created_at, id""", user);
        export.rows("messages", """
                select m.session_id, m.position, m.role, m.content, m.model, m.cost_usd, m.created_at
                from coaching_messages m join coaching_sessions s on s.id = m.session_id
                where s.user_id = ? order by s.created_at, s.id, m.position""", user);
        export.rows("modelUsage", """
                select id, organization_id, session_id, model, query_type, complexity, routing_reason, outcome, failure,
                    attempts, input_tokens, output_tokens, cost_usd, latency_ms, created_at
                from coaching_model_calls where user_id = ? order by created_at, id""", user);
        export.rows("preferences", """
                select organization_id, preferred_model, updated_at from coaching_user_preferences
                where user_id = ? order by organization_id""", user);
        export.rows("solvedExercises", """
                select organization_id, exercise_id, solved_at from coaching_solved_exercises
                where user_id = ? order by solved_at""", user);
    }

    @Override
    public void erase(AccountErasure erasure) {
        UUID user = erasure.userId();
        for (UUID organization : erasure.deletedOrganizationIds()) {
            for (String table : new String[] {"coaching_model_calls", "coaching_organization_policies",
                    "coaching_organization_monthly_spend", "coaching_learner_daily_spend"}) {
                jdbc.sql("delete from " + table + " where organization_id = ?").param(organization).update();
            }
        }
        jdbc.sql("update coaching_model_calls set user_id = ?, session_id = null where user_id = ?")
                .params(AccountErasure.ERASED_USER, user).update();
        // messages go with their session (foreign key)
        // the learner's daily totals only bound their own allowance; the organization's month keeps the cost
        for (String table : new String[] {"coaching_sessions", "coaching_user_preferences", "coaching_solved_exercises",
                "coaching_learner_daily_spend"}) {
            jdbc.sql("delete from " + table + " where user_id = ?").param(user).update();
        }
    }
}
