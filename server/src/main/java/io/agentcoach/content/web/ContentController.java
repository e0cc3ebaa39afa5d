package io.agentcoach.content.web;

import java.util.List;
import java.util.Map;

import io.agentcoach.content.CheckAnswered;
import io.agentcoach.content.CheckQuestion;
import io.agentcoach.content.Curriculum;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.HintRevealed;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.Section;
import io.agentcoach.content.Skill;
import io.agentcoach.content.Track;
import io.agentcoach.content.runtime.CurriculumReloader;
import io.agentcoach.content.runtime.OrganizationContent;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The curriculum for readers: tracks, lessons (safe HTML and Markdown, table of contents, check
 * questions without their answers), exercises (never hidden tests or solutions) and skills.
 */
@RestController
@RequestMapping("/api/content")
class ContentController {

    /** The id of the track that lists the caller's organization's private items. */
    static final String ORGANIZATION_TRACK = "organization";

    private final Curriculum curriculum;
    private final CurrentUsers users;
    private final OrganizationContent organizationContent;
    private final CurriculumReloader reloader;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    ContentController(Curriculum curriculum, CurrentUsers users, OrganizationContent organizationContent,
            CurriculumReloader reloader, ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this.curriculum = curriculum;
        this.users = users;
        this.organizationContent = organizationContent;
        this.reloader = reloader;
        this.events = events;
        this.clock = clock.getIfAvailable(java.time.Clock::systemUTC);
    }

    /** A public exercise, or one private to the caller's organization; 404 for anyone else's. */
    private Exercise findExercise(String id) {
        return curriculum.exercise(id, organization()).orElseThrow(() -> Problems.notFound("Exercise '" + id + "'"));
    }

    record ItemSummary(String id, String title, int difficulty, int minutes, List<String> skills) {
    }

    record TrackView(String id, String title, String summary, int order, List<ItemSummary> lessons,
            List<ItemSummary> exercises) {
    }

    record LessonView(String id, String trackId, String title, List<String> skills, List<String> prerequisites,
            int difficulty, int minutes, String markdown, String html, List<Section> sections,
            List<CheckView> checks, String contentVersion) {
    }

    record ExerciseView(String id, String trackId, String title, List<String> skills, List<String> prerequisites,
            int difficulty, int minutes, String language, String statementMarkdown, String statementHtml,
            String starterCode, String publicTests, int hintCount, String contentVersion) {
    }

    /** A check question as a learner sees it: no answer, no accepted answers, no explanation. */
    record CheckView(String id, CheckQuestion.Type type, String prompt, List<String> options, String skill) {
    }

    record CheckAnswer(@NotNull @Size(max = 500) String answer) {
    }

    record CheckResult(boolean correct, String explanation) {
    }

    /** The shipped tracks, then the caller's organization's private lessons and exercises as one more track. */
    @GetMapping("/tracks")
    List<TrackView> tracks() {
        List<TrackView> tracks = new java.util.ArrayList<>(curriculum.tracks().stream().map(this::view).toList());
        organizationTrack().ifPresent(tracks::add);
        return tracks;
    }

    @GetMapping("/tracks/{id}")
    TrackView track(@PathVariable String id) {
        return curriculum.track(id).map(this::view)
                .or(() -> organizationTrack().filter(t -> t.id().equals(id)))
                .orElseThrow(() -> Problems.notFound("Track '" + id + "'"));
    }

    /** Re-reads content/ on this node; 422 with every problem, and nothing changed, when it is invalid. */
    @PostMapping("/reload")
    CurriculumReloader.Reloaded reload() {
        Authors.requireReloader(users);
        return reloader.reload();
    }

    @GetMapping("/lessons/{id}")
    LessonView lesson(@PathVariable String id) {
        Lesson l = findLesson(id);
        return new LessonView(l.id(), l.trackId(), l.title(), l.skills(), l.prerequisites(), l.difficulty(),
                l.minutes(), l.markdown(), l.html(), l.sections(),
                l.checks().stream().map(c -> new CheckView(c.id(), c.type(), c.prompt(), c.options(), c.skill())).toList(),
                curriculum.version());
    }

    @PostMapping("/lessons/{id}/checks/{checkId}")
    CheckResult answer(@PathVariable String id, @PathVariable String checkId, @Valid @RequestBody CheckAnswer body) {
        CheckQuestion q = findLesson(id).checks().stream().filter(c -> c.id().equals(checkId)).findFirst()
                .orElseThrow(() -> Problems.notFound("Check question '" + checkId + "' of lesson '" + id + "'"));
        boolean correct = q.isCorrect(body.answer());
        // a signed-in learner's answer is evidence of what they know (the mastery module listens)
        users.current().ifPresent(user -> events.publishEvent(new CheckAnswered(java.util.UUID.randomUUID(),
                user.organizationId(), user.userId(), id, checkId, q.skill(), correct, clock.instant())));
        return new CheckResult(correct, q.explanation());
    }

    @GetMapping("/exercises/{id}")
    ExerciseView exercise(@PathVariable String id) {
        Exercise e = findExercise(id);
        return new ExerciseView(e.id(), e.trackId(), e.title(), e.skills(), e.prerequisites(), e.difficulty(),
                e.minutes(), e.language(), e.statementMarkdown(), e.statementHtml(), e.starterCode(), e.publicTests(),
                e.hints().size(), curriculum.version());
    }

    @GetMapping("/exercises/{id}/hints/{number}")
    Map<String, Object> hint(@PathVariable String id, @PathVariable int number) {
        Exercise e = findExercise(id);
        if (number < 1 || number > e.hints().size()) {
            throw Problems.notFound("Hint " + number + " of exercise '" + id + "'");
        }
        users.current().ifPresent(user -> events.publishEvent(new HintRevealed(user.organizationId(), user.userId(),
                e.id(), e.skills(), number, e.hints().size(), clock.instant())));
        return Map.of("number", number, "of", e.hints().size(), "hint", e.hints().get(number - 1));
    }

    @GetMapping("/skills")
    List<Skill> skills() {
        return curriculum.skills().skills();
    }

    /** A public lesson, or one private to the caller's organization; 404 for anyone else's. */
    private Lesson findLesson(String id) {
        return curriculum.lesson(id, organization()).orElseThrow(() -> Problems.notFound("Lesson '" + id + "'"));
    }

    private java.util.UUID organization() {
        return users.current().map(CurrentUser::organizationId).orElse(null);
    }

    private java.util.Optional<TrackView> organizationTrack() {
        java.util.UUID organization = organization();
        if (organization == null) {
            return java.util.Optional.empty();
        }
        List<ItemSummary> lessons = organizationContent.lessons(organization).stream()
                .map(l -> new ItemSummary(l.id(), l.title(), l.difficulty(), l.minutes(), l.skills())).toList();
        List<ItemSummary> exercises = organizationContent.exercises(organization).stream()
                .map(e -> new ItemSummary(e.id(), e.title(), e.difficulty(), e.minutes(), e.skills())).toList();
        if (lessons.isEmpty() && exercises.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TrackView(ORGANIZATION_TRACK, "Your organization",
                "Lessons and exercises written by your organization's instructors.", Integer.MAX_VALUE, lessons,
                exercises));
    }

    private TrackView view(Track t) {
        List<ItemSummary> lessons = t.lessonIds().stream().map(curriculum::lesson).flatMap(java.util.Optional::stream)
                .map(l -> new ItemSummary(l.id(), l.title(), l.difficulty(), l.minutes(), l.skills())).toList();
        List<ItemSummary> exercises = t.exerciseIds().stream().map(curriculum::exercise)
                .flatMap(java.util.Optional::stream)
                .map(e -> new ItemSummary(e.id(), e.title(), e.difficulty(), e.minutes(), e.skills())).toList();
        return new TrackView(t.id(), t.title(), t.summary(), t.order(), lessons, exercises);
    }
}
