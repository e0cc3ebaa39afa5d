package io.agentcoach.coaching.grounding;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.content.Curriculum;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.platform.Tenants;
import io.agentcoach.practice.SubmissionGraded;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reference solutions from the content module's grading bundles (organization-private exercises
 * included), and the exercises each learner solved, recorded from practice's graded submissions
 * after their transaction commits, bound to the submission's organization. A second delivery of
 * the same event changes nothing.
 */
@Component
class ContentReferenceSolutions implements ReferenceSolutions {

    private final Curriculum curriculum;
    private final JdbcClient jdbc;

    ContentReferenceSolutions(Curriculum curriculum, JdbcClient jdbc) {
        this.curriculum = curriculum;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> reference(UUID organizationId, String exerciseId) {
        if (exerciseId == null || exerciseId.isBlank()) {
            return Optional.empty();
        }
        return curriculum.gradingBundle(exerciseId, organizationId).map(ExerciseBundle::referenceSolution)
                .filter(solution -> solution != null && !solution.isBlank());
    }

    @Override
    public boolean solved(UUID organizationId, UUID userId, String exerciseId) {
        return jdbc.sql("""
                select count(*) from coaching_solved_exercises
                where organization_id = ? and user_id = ? and exercise_id = ?""")
                .params(organizationId, userId, exerciseId).query(Integer.class).single() > 0;
    }

    // not @ApplicationModuleListener: its transaction would take a connection before the tenant is bound
    @Async
    @TransactionalEventListener
    void on(SubmissionGraded graded) {
        if (!graded.passed()) {
            return;
        }
        Tenants.runAs(graded.organizationId(), () -> {
            try {
                jdbc.sql("""
                        insert into coaching_solved_exercises (organization_id, user_id, exercise_id, solved_at)
                        select cast(? as uuid), cast(? as uuid), cast(? as varchar(200)),
                            cast(? as timestamp with time zone) where not exists (select 1 from coaching_solved_exercises
                            where organization_id = ? and user_id = ? and exercise_id = ?)""")
                        .params(graded.organizationId(), graded.userId(), graded.exerciseId(),
                                graded.gradedAt().atOffset(ZoneOffset.UTC), graded.organizationId(), graded.userId(),
                                graded.exerciseId())
                        .update();
            } catch (DuplicateKeyException alreadyRecorded) {
                // delivered twice at once: the first insert stands
            }
        });
    }
}
