package io.agentcoach.coaching.tools;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.coaching.LearnerContext.TestFailure;
import io.agentcoach.coaching.guardrails.GuardContext;
import io.agentcoach.coaching.guardrails.Guardrails;
import io.agentcoach.content.Curriculum;
import io.agentcoach.content.Exercise;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.SkillMastery;
import io.agentcoach.practice.Attempts;
import io.agentcoach.practice.Attempts.GradedResult;
import io.agentcoach.practice.Attempts.LatestWork;
import io.agentcoach.practice.PracticeSettings;
import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.GradeReport;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.TestGrader;
import io.agentcoach.sandbox.TestResult;
import io.agentcoach.sandbox.TestSuite;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools a model may call while coaching, each calling only another module's public API:
 * curriculum search (knowledge), the current exercise's statement (content), the learner's latest
 * code and test results (practice), a run of that code against the public tests (sandbox), and the
 * learner's skill estimates and path (mastery). Every result reaches the model only through the
 * untrusted-content guardrail (fenced as data, injection flagged, secrets redacted for external
 * providers). Calls are bounded per answer by a {@link ToolSession}.
 */
public final class CoachTools {

    public static final String SEARCH = "search_curriculum";
    public static final String READ_EXERCISE = "read_exercise";
    public static final String LATEST_WORK = "latest_work";
    public static final String RUN_PUBLIC_TESTS = "run_public_tests";
    public static final String LEARNER_PROGRESS = "learner_progress";

    static final int PASSAGES = 4;
    private static final int MAX_CODE_CHARS = 6_000;
    /** Mastery's threshold for a skill counted as mastered (proficiency 85). */
    private static final int MASTERED_PROFICIENCY = 85;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonObjectSchema EXERCISE_ARGUMENT = JsonObjectSchema.builder()
            .addStringProperty("exerciseId", "the exercise's id; leave out for the exercise of this conversation")
            .build();

    private static final List<ToolSpecification> SPECIFICATIONS = List.of(
            ToolSpecification.builder().name(SEARCH)
                    .description("Searches the curriculum's lessons and returns the most relevant passages with citations.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("query", "what to look for")
                            .required("query").build())
                    .build(),
            ToolSpecification.builder().name(READ_EXERCISE)
                    .description("Reads an exercise's statement, starter code and public tests.")
                    .parameters(EXERCISE_ARGUMENT).build(),
            ToolSpecification.builder().name(LATEST_WORK)
                    .description("Reads the learner's latest code for an exercise and the results of their latest graded submission.")
                    .parameters(EXERCISE_ARGUMENT).build(),
            ToolSpecification.builder().name(RUN_PUBLIC_TESTS)
                    .description("Runs the learner's latest code for an exercise against its public tests in the sandbox.")
                    .parameters(EXERCISE_ARGUMENT).build(),
            ToolSpecification.builder().name(LEARNER_PROGRESS)
                    .description("Looks up the learner's skill estimates, goal and next recommended activities.")
                    .parameters(JsonObjectSchema.builder().build()).build());

    private final GroundingSource grounding;
    private final Curriculum curriculum;
    private final Attempts attempts;
    private final TestGrader grader;
    private final CodeRunner runner;
    private final PracticeSettings practice;
    private final Masteries masteries;
    private final LearningPaths paths;
    private final Guardrails guardrails;
    private final CoachingSettings.Tools bounds;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public CoachTools(GroundingSource grounding, Curriculum curriculum, Attempts attempts, TestGrader grader,
            CodeRunner runner, PracticeSettings practice, Masteries masteries, LearningPaths paths,
            Guardrails guardrails, CoachingSettings.Tools bounds) {
        this.grounding = grounding;
        this.curriculum = curriculum;
        this.attempts = attempts;
        this.grader = grader;
        this.runner = runner;
        this.practice = practice;
        this.masteries = masteries;
        this.paths = paths;
        this.guardrails = guardrails;
        this.bounds = bounds;
    }

    /** Stops tool calls still running (the application is stopping). */
    public void stop() {
        threads.shutdownNow();
    }

    public List<ToolSpecification> specifications() {
        return SPECIFICATIONS;
    }

    /** The bounds and log of one answer's tool calls; {@code cited} collects what search finds. */
    public ToolSession session(UUID organizationId, UUID userId, String exerciseId, GuardContext guard,
            List<CurriculumPassage> cited) {
        return new ToolSession(organizationId, userId, exerciseId, guard, cited, bounds, threads);
    }

    /** Runs a model's tool call within the session's bounds; the text goes back to the model. */
    public String execute(ToolExecutionRequest call, ToolSession session) {
        JsonNode arguments;
        try {
            arguments = call.arguments() == null || call.arguments().isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(call.arguments());
        } catch (RuntimeException malformed) {
            return session.invoke(String.valueOf(call.name()), String.valueOf(call.arguments()),
                    () -> "The arguments were not valid JSON; call " + call.name() + " again with a JSON object.");
        }
        String raw = String.valueOf(call.arguments());
        return switch (String.valueOf(call.name())) {
            case SEARCH -> session.invoke(SEARCH, raw, () -> search(arguments.path("query").asString(""), session));
            case READ_EXERCISE -> session.invoke(READ_EXERCISE, raw, () -> readExercise(exercise(arguments, session), session));
            case LATEST_WORK -> session.invoke(LATEST_WORK, raw, () -> latestWork(exercise(arguments, session), session));
            case RUN_PUBLIC_TESTS -> session.invoke(RUN_PUBLIC_TESTS, raw,
                    () -> runPublicTests(exercise(arguments, session), session));
            case LEARNER_PROGRESS -> session.invoke(LEARNER_PROGRESS, raw, () -> progress(session));
            default -> session.invoke(String.valueOf(call.name()), raw, () -> "Unknown tool " + call.name()
                    + ". The tools are " + String.join(", ", SPECIFICATIONS.stream().map(ToolSpecification::name)
                            .toList()) + ".");
        };
    }

    /**
     * The failed tests of the learner's latest graded submission, read through the logged
     * {@link #LATEST_WORK} tool (the offline coach's deterministic use of it); empty without any.
     */
    public List<TestFailure> latestFailures(ToolSession session) {
        if (session.exerciseId().isEmpty()) {
            return List.of();
        }
        // set by the tool's thread when it finishes in time; a call that timed out leaves it empty
        AtomicReference<List<TestFailure>> failures = new AtomicReference<>(List.of());
        session.invoke(LATEST_WORK, "{\"exerciseId\":" + JSON.writeValueAsString(session.exerciseId()) + "}", () -> {
            Optional<LatestWork> work = attempts.latestFor(session.organizationId(), session.userId(),
                    session.exerciseId());
            failures.set(work.map(LatestWork::latestResult).map(result -> result.tests().stream()
                    .filter(t -> !t.passed()).map(t -> new TestFailure(t.name(), "", "", t.message())).toList())
                    .orElse(List.of()));
            return work.map(CoachTools::describe).orElse("No work on " + session.exerciseId() + " yet.");
        });
        return failures.get();
    }

    /** The learner's next recommended activities, read through the logged {@link #LEARNER_PROGRESS} tool. */
    public List<String> nextSteps(ToolSession session) {
        AtomicReference<List<String>> steps = new AtomicReference<>(List.of());
        session.invoke(LEARNER_PROGRESS, "{}", () -> {
            LearningPath path = paths.pathFor(session.organizationId(), session.userId(), null, 3);
            steps.set(path.steps().stream().map(step -> step.title() + " (" + step.reason() + ")").toList());
            return String.join("\n", steps.get());
        });
        return steps.get();
    }

    private static String exercise(JsonNode arguments, ToolSession session) {
        String asked = arguments.path("exerciseId").asString("");
        return asked.isBlank() ? session.exerciseId() : asked.strip();
    }

    private String search(String query, ToolSession session) {
        if (query.isBlank()) {
            return "Give a non-empty query.";
        }
        List<CurriculumPassage> found = grounding.search(session.organizationId(), query, PASSAGES);
        if (found.isEmpty()) {
            return "Nothing in the curriculum matches \"" + query + "\".";
        }
        StringBuilder result = new StringBuilder();
        List<CurriculumPassage> cited = session.cited();
        for (CurriculumPassage passage : found) {
            int index = cited.indexOf(passage);
            if (index < 0) {
                cited.add(passage);
                index = cited.size() - 1;
            }
            result.append('[').append(index + 1).append("] ").append(passage.citation()).append('\n')
                    .append(asData(passage.text(), GuardContext.Source.RETRIEVED_DOCUMENT, session)).append("\n\n");
        }
        return result.toString();
    }

    private String readExercise(String exerciseId, ToolSession session) {
        if (exerciseId.isEmpty()) {
            return "This conversation is not about an exercise; give an exerciseId.";
        }
        Optional<Exercise> found = curriculum.exercise(exerciseId, session.organizationId());
        if (found.isEmpty()) {
            return "There is no exercise " + exerciseId + ".";
        }
        Exercise e = found.get();
        String text = "# " + e.title() + " (" + e.id() + ", " + e.language() + ")\n\n" + e.statementMarkdown()
                + "\n\n## Starter code\n" + e.starterCode() + "\n\n## Public tests\n" + e.publicTests();
        return asData(text, GuardContext.Source.RETRIEVED_DOCUMENT, session);
    }

    private String latestWork(String exerciseId, ToolSession session) {
        if (exerciseId.isEmpty()) {
            return "This conversation is not about an exercise; give an exerciseId.";
        }
        return attempts.latestFor(session.organizationId(), session.userId(), exerciseId)
                .map(work -> asData(describe(work), GuardContext.Source.LEARNER_CODE, session))
                .orElse("The learner has not started " + exerciseId + " yet.");
    }

    private String runPublicTests(String exerciseId, ToolSession session) {
        if (exerciseId.isEmpty()) {
            return "This conversation is not about an exercise; give an exerciseId.";
        }
        Optional<Exercise> exercise = curriculum.exercise(exerciseId, session.organizationId());
        if (exercise.isEmpty()) {
            return "There is no exercise " + exerciseId + ".";
        }
        Optional<LatestWork> work = attempts.latestFor(session.organizationId(), session.userId(), exerciseId);
        if (work.isEmpty()) {
            return "The learner has no code for " + exerciseId + " yet.";
        }
        if (runner.unavailableReason().isPresent()) {
            return "The sandbox cannot run code on this server right now.";
        }
        String runtime = "python".equals(exercise.get().language()) ? "python3" : exercise.get().language();
        if (!runner.runtimes().contains(runtime)) {
            return "The language " + exercise.get().language() + " is not installed on this server.";
        }
        GradeReport report = grader.grade(new GradingRequest(work.get().code(), Map.of(),
                List.of(new TestSuite("public", exercise.get().publicTests())), practice.testTimeout(),
                runner.defaultLimits()));
        StringBuilder text = new StringBuilder("Public tests on the learner's latest code: ")
                .append(report.tests().stream().filter(TestResult::passed).count()).append(" of ")
                .append(report.tests().size()).append(" passed").append(report.reported() ? "" : " (the run ended early: "
                        + report.run().outcome().status() + ")").append(".\n");
        for (TestResult test : report.tests()) {
            text.append("- ").append(test.name()).append(": ").append(test.passed() ? "passed" : "FAILED "
                    + (test.message() == null ? "" : test.message())).append('\n');
        }
        if (!report.run().stderr().text().isBlank() && !report.passed()) {
            text.append("stderr:\n").append(cut(report.run().stderr().text(), 1_500)).append('\n');
        }
        return asData(text.toString(), GuardContext.Source.LEARNER_CODE, session);
    }

    private String progress(ToolSession session) {
        StringBuilder text = new StringBuilder();
        paths.goalOf(session.organizationId(), session.userId())
                .ifPresent(goal -> text.append("Goal skill: ").append(goal).append('\n'));
        List<SkillMastery> skills = masteries.of(session.organizationId(), session.userId()).stream()
                .sorted(Comparator.comparingInt(SkillMastery::proficiency).reversed()).toList();
        if (skills.isEmpty()) {
            text.append("No skill estimates yet (the learner has not answered anything).\n");
        } else {
            text.append("Skill estimates (proficiency 0-100, ").append(MASTERED_PROFICIENCY)
                    .append("+ counts as mastered):\n");
            skills.forEach(s -> text.append("- ").append(s.skillId()).append(": ").append(s.proficiency())
                    .append(" after ").append(s.attempts()).append(" answers\n"));
        }
        LearningPath path = paths.pathFor(session.organizationId(), session.userId(), null, 5);
        if (!path.steps().isEmpty()) {
            text.append("Next recommended activities:\n");
            path.steps().forEach(step -> text.append("- ").append(step.title()).append(" [").append(step.activityId())
                    .append("]: ").append(step.reason()).append('\n'));
        }
        return asData(text.toString(), GuardContext.Source.RETRIEVED_DOCUMENT, session);
    }

    private static String describe(LatestWork work) {
        StringBuilder text = new StringBuilder("Latest ").append(work.fromSubmission() ? "submitted" : "saved")
                .append(" code for ").append(work.exerciseId()).append(" (").append(work.codeSavedAt()).append("):\n")
                .append(cut(work.code(), MAX_CODE_CHARS)).append('\n');
        GradedResult result = work.latestResult();
        text.append(result == null ? "No submission graded yet.\n" : "Latest graded submission: " + results(result));
        return text.toString();
    }

    /** A graded result as the agents read it: the verdict and score, then each test's outcome. */
    public static String results(GradedResult result) {
        StringBuilder text = new StringBuilder(result.passed() ? "passed" : "failed").append(", score ")
                .append(Math.round(result.score() * 100)).append("%\n");
        result.tests().forEach(t -> text.append("- ").append(t.suite()).append(' ').append(t.name()).append(": ")
                .append(t.passed() ? "passed" : "FAILED " + (t.message() == null ? "" : t.message())).append('\n'));
        return text.toString();
    }

    /** Tool output is data, never instructions: fenced, injection-flagged and redacted like retrieved documents. */
    private String asData(String text, GuardContext.Source source, ToolSession session) {
        return guardrails.untrustedContentPipeline().run(text, session.guard().withSource(source)).textOr(text);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "\n… (cut)";
    }
}
