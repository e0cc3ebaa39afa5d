package io.agentcoach.mastery.internal;

import java.util.List;

import io.agentcoach.mastery.AttemptObserved;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.platform.Tenants;
import io.agentcoach.practice.SubmissionGraded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.ErrorResponseException;

/**
 * Every graded submission updates the learner's mastery of the exercise's skills. Runs after the
 * grading transaction commits, bound to the submission's organization; the event publication
 * registry redelivers it after a crash, and a second delivery of the same submission changes
 * nothing (the submission id is the attempt id). Not {@code @ApplicationModuleListener}: that
 * opens its transaction before the method runs, so the connection would be taken unbound and
 * row-level security would refuse the writes; {@link Masteries#record} opens its own once bound.
 */
@Component
class GradedSubmissions {

    private static final Logger log = LoggerFactory.getLogger(GradedSubmissions.class);

    private final Masteries masteries;

    GradedSubmissions(Masteries masteries) {
        this.masteries = masteries;
    }

    @Async
    @TransactionalEventListener
    void on(SubmissionGraded graded) {
        if (graded.skills().isEmpty()) {
            return;
        }
        try {
            Tenants.runAs(graded.organizationId(), () -> masteries.record(new AttemptObserved(
                    graded.submissionId().toString(), graded.organizationId(), graded.userId(), graded.exerciseId(),
                    List.copyOf(graded.skills()), graded.passed(), graded.gradedAt())));
        } catch (ErrorResponseException e) {
            // refused as input (e.g. an exercise or skill the curriculum has since dropped): delivering it
            // again would be refused again, so it is logged and the publication completes
            log.warn("Submission {} does not update mastery: {}", graded.submissionId(),
                    e.getBody().getDetail());
        }
    }
}
