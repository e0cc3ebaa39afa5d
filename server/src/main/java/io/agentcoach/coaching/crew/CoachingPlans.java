package io.agentcoach.coaching.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Learning plans and code reviews written by the crews, each visible to its learner only. */
@Repository
public class CoachingPlans {

    /** Whether a stored document is a learning plan or a code review. */
    public enum Kind {
        PLAN, REVIEW
    }

    /**
     * A plan or review as stored and served.
     *
     * @param goal the goal the plan was made for (plans), else null
     * @param submissionId the reviewed submission (reviews), else null
     * @param content what the learner reads: the mentor's corrected version
     * @param draft the coach agent's draft the mentor worked from
     * @param models the models that answered, or {@code offline}
     * @param offline whether the offline crew wrote it (its content says why no model was used)
     */
    public record Plan(UUID id, Kind kind, String goal, UUID submissionId, String content, String draft,
            List<String> models, boolean offline, int inputTokens, int outputTokens,
            BigDecimal costUsd, Instant createdAt) {

        public Plan {
            models = List.copyOf(models);
        }
    }

    private final JdbcClient jdbc;

    CoachingPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID organizationId, UUID userId, Plan plan) {
        jdbc.sql("""
                insert into coaching_plans (id, organization_id, user_id, kind, goal, submission_id, draft, content,
                    models, offline, input_tokens, output_tokens, cost_usd)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(plan.id(), organizationId, userId, plan.kind().name().toLowerCase(), plan.goal(),
                        plan.submissionId(), plan.draft(), plan.content(), String.join(",", plan.models()),
                        plan.offline(), plan.inputTokens(), plan.outputTokens(), plan.costUsd())
                .update();
    }

    public List<Plan> list(UUID organizationId, UUID userId, Kind kind) {
        return jdbc.sql(SELECT + " where organization_id = ? and user_id = ? and kind = ? order by created_at desc, id")
                .params(organizationId, userId, kind.name().toLowerCase()).query(CoachingPlans::plan).list();
    }

    public Optional<Plan> find(UUID organizationId, UUID userId, Kind kind, UUID id) {
        return jdbc.sql(SELECT + " where id = ? and organization_id = ? and user_id = ? and kind = ?")
                .params(id, organizationId, userId, kind.name().toLowerCase()).query(CoachingPlans::plan).optional();
    }

    private static final String SELECT = """
            select id, kind, goal, submission_id, content, draft, models, offline, input_tokens, output_tokens,
                cost_usd, created_at from coaching_plans""";

    private static Plan plan(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Plan(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2).toUpperCase()), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                Arrays.stream(rs.getString(7).split(",")).filter(m -> !m.isBlank()).toList(), rs.getBoolean(8),
                rs.getInt(9), rs.getInt(10), rs.getBigDecimal(11), rs.getObject(12, OffsetDateTime.class).toInstant());
    }
}
