package io.agentcoach.mastery.internal;

import java.util.List;

import io.agentcoach.content.CheckAnswered;
import io.agentcoach.content.HintRevealed;
import io.agentcoach.mastery.AttemptObserved;
import io.agentcoach.mastery.HintUsed;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.platform.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What learners do in the content module as evidence of what they know: a check-question answer
 * is an answer on the question's skill (item {@code <lesson id>/<check id>}); a hint shown on an
 * exercise lowers the credit of a right answer on it afterwards. Handled in the publishing
 * request, so a hint is on record before the learner can submit the answer it helped with; a
 * failure here is logged and never fails the learner's request.
 */
@Component
class ContentEvidence {

    private static final Logger log = LoggerFactory.getLogger(ContentEvidence.class);

    private final Masteries masteries;

    ContentEvidence(Masteries masteries) {
        this.masteries = masteries;
    }

    @EventListener
    void on(CheckAnswered answered) {
        record(answered.organizationId(), "check answer " + answered.answerId(), () -> masteries.record(
                new AttemptObserved(answered.answerId().toString(), answered.organizationId(), answered.userId(),
                        answered.lessonId() + "/" + answered.checkId(), List.of(answered.skill()), answered.correct(),
                        answered.answeredAt())));
    }

    @EventListener
    void on(HintRevealed hint) {
        record(hint.organizationId(), "hint " + hint.number() + " of " + hint.exerciseId(), () -> masteries.recordHint(
                new HintUsed(hint.organizationId(), hint.userId(), hint.exerciseId(), hint.number(), hint.revealedAt())));
    }

    private static void record(java.util.UUID organizationId, String what, Runnable work) {
        try {
            Tenants.runAs(organizationId, work);
        } catch (RuntimeException e) {
            log.warn("Mastery could not take {} into account", what, e);
        }
    }
}
