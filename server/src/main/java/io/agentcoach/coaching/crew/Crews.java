package io.agentcoach.coaching.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.agentic.observability.AgentRequest;
import dev.langchain4j.agentic.observability.AgentResponse;
import dev.langchain4j.agentic.scope.ResultWithAgenticScope;
import io.agentcoach.coaching.CoachAnswer;
import io.agentcoach.coaching.PlanCreated;
import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.coaching.crew.CoachingPlans.Kind;
import io.agentcoach.coaching.crew.CoachingPlans.Plan;
import io.agentcoach.coaching.gateway.CrewModels;
import io.agentcoach.coaching.guardrails.GuardContext;
import io.agentcoach.coaching.guardrails.Guardrails;
import io.agentcoach.coaching.guardrails.Redactions;
import io.agentcoach.content.Exercise;
import io.agentcoach.platform.Problems;
import io.agentcoach.practice.Attempts;
import io.agentcoach.practice.Attempts.SubmittedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs the crews. A learning plan: the coach agent drafts it from the learner's goal, skill
 * estimates and path (mastery), the mentor agent reviews and corrects it against the skill graph
 * (content) and for feasibility. A code review: the coach reviews a submission (practice), the
 * mentor checks its pedagogy. Both agents run through the gateway's models ({@link CrewModels}); when
 * no model may be called, or every model fails, the offline crew writes the document from the same
 * data, labelled offline. Inputs reach models fenced and redacted by the guardrails; a review's
 * final text passes the answer guardrails, so a near-copy of an unsolved exercise's reference
 * solution is withheld whatever the mentor let through. Plans publish {@link PlanCreated}.
 */
@Service
public class Crews {

    private static final Logger log = LoggerFactory.getLogger(Crews.class);
    /** The agents' names ({@code @Agent(name)} in {@link PlanAgents} and {@link ReviewAgents}). */
    static final String COACH = "coach";
    static final String MENTOR = "mentor";

    private final CrewModels models;
    private final CrewInputs inputs;
    private final OfflineCrew offline;
    private final CoachingPlans plans;
    private final Attempts attempts;
    private final ReferenceSolutions solutions;
    private final Guardrails guardrails;
    private final ApplicationEventPublisher events;

    Crews(CrewModels models, CrewInputs inputs, CoachingPlans plans, Attempts attempts, ReferenceSolutions solutions,
            Guardrails guardrails, ApplicationEventPublisher events) {
        this.models = models;
        this.inputs = inputs;
        this.offline = new OfflineCrew();
        this.plans = plans;
        this.attempts = attempts;
        this.solutions = solutions;
        this.guardrails = guardrails;
        this.events = events;
    }

    /**
     * Writes and stores a learning plan toward {@code goalSkillId} (else the learner's stated goal),
     * described by {@code goal} in the learner's words (optional). Throws a 422 problem for a goal
     * skill the curriculum does not know.
     */
    public Plan plan(UUID organizationId, UUID userId, String goal, String goalSkillId) {
        return preparePlan(organizationId, userId, goal, goalSkillId).run(CrewProgress.NONE);
    }

    /** Writes and stores a review of the learner's own submission; 404 for anyone else's. */
    public Plan review(UUID organizationId, UUID userId, UUID submissionId) {
        return prepareReview(organizationId, userId, submissionId).run(CrewProgress.NONE);
    }

    /**
     * A crew run whose inputs are read and checked: {@link #run} calls the agents, reporting its
     * progress, on whichever thread the caller chooses (bound to the organization), and stores the
     * document under {@code id}, chosen now so a client can be told it before the crew starts.
     */
    public record Prepared(UUID id, Function<CrewProgress, Plan> work) {

        public Plan run(CrewProgress progress) {
            return work.apply(progress);
        }
    }

    /**
     * As {@link #plan}, reading and checking the inputs now (a 422 problem for an unknown goal
     * skill) and writing the plan when run.
     */
    public Prepared preparePlan(UUID organizationId, UUID userId, String goal, String goalSkillId) {
        CrewInputs.Learner learner = inputs.learner(organizationId, userId, goalSkillId);
        String goalText = goal != null && !goal.isBlank() ? goal.strip() : learner.goalDescription();
        UUID id = UUID.randomUUID();
        return new Prepared(id, progress -> writePlan(id, organizationId, userId, goalText, learner, progress));
    }

    private Plan writePlan(UUID id, UUID organizationId, UUID userId, String goalText, CrewInputs.Learner learner,
            CrewProgress progress) {
        CrewModels.Run run = models.open(organizationId, userId, CrewModels.Task.PLAN);
        String draft;
        String content;
        boolean wasOffline = run.offline();
        String offlineBecause = run.offlineBecause();
        if (!wasOffline) {
            GuardContext guard = guard(null);
            try {
                AgentListener listener = reporting(progress, text -> restore(text, guard),
                        text -> guardrails.checkOutput(text, guard).answer());
                PlanAgents.Coach coach = AgenticServices.agentBuilder(PlanAgents.Coach.class)
                        .chatModel(run.chatModel()).outputKey("draft").listener(listener).build();
                PlanAgents.Mentor mentor = AgenticServices.agentBuilder(PlanAgents.Mentor.class)
                        .chatModel(run.chatModel()).outputKey("plan").listener(listener).build();
                PlanAgents.Crew crew = AgenticServices.sequenceBuilder(PlanAgents.Crew.class)
                        .subAgents(coach, mentor).outputKey("plan").build();
                ResultWithAgenticScope<String> result = crew.plan(data(goalText, guard), data(learner.text(), guard),
                        data(learner.graph(), guard));
                draft = restore(String.valueOf(result.agenticScope().readState("draft")), guard);
                content = guardrails.checkOutput(result.result(), guard).answer();
            } catch (RuntimeException failed) {
                log.warn("The plan crew failed ({}); the offline crew writes the plan", rootCause(failed));
                wasOffline = true;
                offlineBecause = "no AI model could answer just now";
                draft = null;
                content = null;
            }
        } else {
            draft = null;
            content = null;
        }
        if (wasOffline) {
            OfflineCrew.Written written = offline.plan(goalText, learner, offlineBecause);
            draft = written.draft();
            content = written.content();
            reportOffline(progress, written);
        }
        Plan plan = store(id, organizationId, userId, Kind.PLAN, goalText, null, draft, content, run, wasOffline);
        events.publishEvent(new PlanCreated(userId, organizationId, plan.id(), plan.models(), plan.inputTokens(),
                plan.outputTokens(), plan.costUsd()));
        return plan;
    }

    /** As {@link #review}, checking the submission now (404 for anyone else's) and writing the review when run. */
    public Prepared prepareReview(UUID organizationId, UUID userId, UUID submissionId) {
        SubmittedWork submission = attempts.submission(organizationId, userId, submissionId)
                .orElseThrow(() -> Problems.notFound("Submission " + submissionId));
        Exercise exercise = inputs.exercise(organizationId, submission.exerciseId())
                .orElseThrow(() -> Problems.notFound("Exercise " + submission.exerciseId()));
        boolean solved = solutions.solved(organizationId, userId, exercise.id());
        GuardContext guard = guard(new GuardContext.ExerciseContext(exercise.id(), solved,
                solutions.reference(organizationId, exercise.id()).orElse("")));
        UUID id = UUID.randomUUID();
        return new Prepared(id, progress -> writeReview(id, organizationId, userId, submissionId, submission, exercise,
                solved, guard, progress));
    }

    private Plan writeReview(UUID id, UUID organizationId, UUID userId, UUID submissionId, SubmittedWork submission,
            Exercise exercise, boolean solved, GuardContext guard, CrewProgress progress) {
        CrewModels.Run run = models.open(organizationId, userId, CrewModels.Task.REVIEW);
        String draft = null;
        String content = null;
        boolean wasOffline = run.offline();
        String offlineBecause = run.offlineBecause();
        if (!wasOffline) {
            try {
                UnaryOperator<String> checked = text -> guardrails.checkOutput(text, guard).answer();
                AgentListener listener = reporting(progress, checked, checked);
                ReviewAgents.Coach coach = AgenticServices.agentBuilder(ReviewAgents.Coach.class)
                        .chatModel(run.chatModel()).outputKey("draft").listener(listener).build();
                ReviewAgents.Mentor mentor = AgenticServices.agentBuilder(ReviewAgents.Mentor.class)
                        .chatModel(run.chatModel()).outputKey("review").listener(listener).build();
                ReviewAgents.Crew crew = AgenticServices.sequenceBuilder(ReviewAgents.Crew.class)
                        .subAgents(coach, mentor).outputKey("review").build();
                String pedagogy = solved
                        ? "The learner has solved this exercise, so comparing with a better complete solution is fine."
                        : "The exercise is NOT solved yet: remove any complete or near-complete solution code "
                                + "(at most a line or two of illustration), and give hints and questions instead.";
                ResultWithAgenticScope<String> result = crew.review(
                        data(CrewInputs.exerciseText(exercise), guard),
                        asCode(CrewInputs.submissionText(submission), guard), pedagogy);
                draft = guardrails.checkOutput(String.valueOf(result.agenticScope().readState("draft")), guard).answer();
                content = guardrails.checkOutput(result.result(), guard).answer();
            } catch (RuntimeException failed) {
                log.warn("The review crew failed ({}); the offline crew writes the review", rootCause(failed));
                wasOffline = true;
                offlineBecause = "no AI model could answer just now";
            }
        }
        if (wasOffline) {
            OfflineCrew.Written written = offline.review(exercise, submission, solved,
                    inputs.passages(organizationId, exercise), offlineBecause);
            draft = written.draft();
            content = written.content();
            reportOffline(progress, written);
        }
        return store(id, organizationId, userId, Kind.REVIEW, null, submissionId, draft, content, run, wasOffline);
    }

    /**
     * Reports each agent of a model crew as it starts and its text as it ends, shown as the learner
     * may see it ({@code draft} for the coach's, {@code reviewed} for the mentor's).
     */
    private static AgentListener reporting(CrewProgress progress, UnaryOperator<String> draft,
            UnaryOperator<String> reviewed) {
        return new AgentListener() {
            @Override
            public void beforeAgentInvocation(AgentRequest request) {
                progress.working(request.agentName(), false);
            }

            @Override
            public void afterAgentInvocation(AgentResponse response) {
                String text = String.valueOf(response.output());
                if (COACH.equals(response.agentName())) {
                    progress.drafted(draft.apply(text));
                } else if (MENTOR.equals(response.agentName())) {
                    progress.reviewed(reviewed.apply(text));
                }
            }
        };
    }

    private static void reportOffline(CrewProgress progress, OfflineCrew.Written written) {
        progress.working(COACH, true);
        progress.drafted(written.draft());
        progress.working(MENTOR, true);
        progress.reviewed(written.content());
    }

    public List<Plan> list(UUID organizationId, UUID userId, Kind kind) {
        return plans.list(organizationId, userId, kind);
    }

    public Optional<Plan> find(UUID organizationId, UUID userId, Kind kind, UUID id) {
        return plans.find(organizationId, userId, kind, id);
    }

    private Plan store(UUID id, UUID organizationId, UUID userId, Kind kind, String goal, UUID submissionId,
            String draft, String content, CrewModels.Run run, boolean wasOffline) {
        List<String> used = wasOffline && run.models().isEmpty() ? List.of(CoachAnswer.OFFLINE_MODEL) : run.models();
        Plan plan = new Plan(id, kind, goal, submissionId, content, draft, used, wasOffline,
                run.inputTokens(), run.outputTokens(), run.costUsd() == null ? BigDecimal.ZERO : run.costUsd(),
                Instant.now());
        plans.insert(organizationId, userId, plan);
        return plans.find(organizationId, userId, kind, plan.id()).orElseThrow();
    }

    /** The crews always talk to an external provider; their inputs are redacted for it and restored in the output. */
    private static GuardContext guard(GuardContext.ExerciseContext exercise) {
        return new GuardContext(GuardContext.Source.RETRIEVED_DOCUMENT, true, true, exercise, exercise != null, "",
                new Redactions());
    }

    private String data(String text, GuardContext guard) {
        return guardrails.untrustedContentPipeline().run(text, guard.withSource(GuardContext.Source.RETRIEVED_DOCUMENT))
                .textOr(text);
    }

    private String asCode(String text, GuardContext guard) {
        return guardrails.untrustedContentPipeline().run(text, guard.withSource(GuardContext.Source.LEARNER_CODE))
                .textOr(text);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " caused by " + root;
    }

    private static String restore(String text, GuardContext guard) {
        return guard.redactions().restore(text);
    }
}
