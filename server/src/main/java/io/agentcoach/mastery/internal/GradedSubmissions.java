package io.agentcoach.mastery.internal;

import java.util.List;

import io.agentcoach.mastery.AttemptObserved;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.platform.Tenants;
import io.agentcoach.practice.SubmissionGraded;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every graded submission updates the learner's mastery of the exercise's skills. Runs after the
 * grading transaction commits, bound to the submission's organization; the event publication
 * registry redelivers it after a crash, and a second delivery of the same submission changes
 * nothing (the submission id is the attempt id).
 */
@Component
class GradedSubmissions {

    private final Masteries masteries;

    GradedSubmissions(Masteries masteries) {
        this.masteries = masteries;
    }

    // not @ApplicationModuleListener: its transaction would take a connection before the tenant is bound
    @Async
    @TransactionalEventListener
    void on(SubmissionGraded graded) {
        if (graded.skills().isEmpty()) {
            return;
        }
        Tenants.runAs(graded.organizationId(), () -> masteries.record(new AttemptObserved(
                graded.submissionId().toString(), graded.organizationId(), graded.userId(), graded.exerciseId(),
                List.copyOf(graded.skills()), graded.passed(), graded.gradedAt())));
    }
}
