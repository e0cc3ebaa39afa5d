package io.agentcoach.content.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentcoach.content.Exercise;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.loading.ContentLoader;
import io.agentcoach.content.loading.ContentProblem;
import io.agentcoach.content.loading.ContentSource;
import io.agentcoach.content.loading.CurriculumSnapshot;
import io.agentcoach.content.loading.InvalidContentException;

/**
 * An organization's lesson ({@code lesson.md}) or exercise folder (exercise.md, starter.py,
 * tests_public.py, tests_hidden.py, reference.py, wrong/*.py), validated by the {@link ContentLoader}
 * rules: it is loaded together with the public curriculum as the only item of a synthetic track, so
 * its front matter, skill references, check questions, links and files are checked exactly as for
 * content/. Problems name the item's own files.
 */
final class OrganizationOverlay {

    static final String TRACK_ID = "organization";
    private static final String TRACK_DIR = "tracks/99-" + TRACK_ID;
    /** The one file of an organization lesson. */
    static final String LESSON_FILE = "lesson.md";
    private static final Pattern FILE_NAME = Pattern.compile(
            "exercise\\.md|starter\\.py|tests_public\\.py|tests_hidden\\.py|reference\\.py|wrong/[a-z0-9_-]{1,60}\\.py");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*['\"]?([^'\"\\s]+)['\"]?\\s*$");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private OrganizationOverlay() {
    }

    /** The id in the front matter of exercise.md (or lesson.md), or null when there is none. */
    static String declaredId(Map<String, String> files) {
        String statement = files.containsKey(LESSON_FILE) ? files.get(LESSON_FILE) : files.get("exercise.md");
        if (statement == null) {
            return null;
        }
        Matcher m = ID_LINE.matcher(statement);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Validates the folder against the public curriculum and returns its grading bundle, marked as
     * the organization's.
     *
     * @throws InvalidContentException listing every problem, files named relative to the folder
     */
    static ExerciseBundle loadExercise(ContentSource publicContent, String id, UUID organizationId,
            Map<String, String> files) {
        checkId(id, "exercise.md", files.keySet().stream().filter(name -> !FILE_NAME.matcher(name).matches()).sorted()
                .map(name -> new ContentProblem(name, 0, "file is not part of an exercise folder (exercise.md, "
                        + "starter.py, tests_public.py, tests_hidden.py, reference.py, wrong/<name>.py)"))
                .toList());
        String dir = TRACK_DIR + "/exercises/" + id + "/";
        Map<String, String> overlay = new TreeMap<>();
        overlay.put(TRACK_DIR + "/track.yaml", trackYaml("[]", "[" + id + "]"));
        files.forEach((name, text) -> overlay.put(dir + name, text));
        CurriculumSnapshot snapshot = load(publicContent, overlay, p -> p.file().startsWith(dir)
                ? new ContentProblem(p.file().substring(dir.length()), p.line(), p.message())
                : p.file().equals(dir.substring(0, dir.length() - 1))
                        ? new ContentProblem("exercise.md", p.line(), p.message()) : p);
        ExerciseBundle bundle = snapshot.bundles().get(id);
        Exercise e = bundle.exercise();
        Exercise owned = new Exercise(e.id(), e.trackId(), e.title(), e.skills(), e.prerequisites(), e.difficulty(),
                e.minutes(), e.language(), e.statementMarkdown(), e.statementHtml(), e.starterCode(), e.publicTests(),
                e.hints(), organizationId);
        return new ExerciseBundle(owned, bundle.hiddenTests(), bundle.referenceSolution(), bundle.wrongSolutions());
    }

    /**
     * Validates a lesson ({@code lesson.md}: front matter, Markdown, check questions) against the
     * public curriculum and returns it, marked as the organization's.
     *
     * @throws InvalidContentException listing every problem, the file named {@code lesson.md}
     */
    static Lesson loadLesson(ContentSource publicContent, String id, UUID organizationId, Map<String, String> files) {
        checkId(id, LESSON_FILE, files.keySet().stream().filter(name -> !name.equals(LESSON_FILE)).sorted()
                .map(name -> new ContentProblem(name, 0, "a lesson is the one file lesson.md")).toList());
        String file = TRACK_DIR + "/lessons/01-" + id + ".md";
        Map<String, String> overlay = new TreeMap<>();
        overlay.put(TRACK_DIR + "/track.yaml", trackYaml("[" + id + "]", "[]"));
        overlay.put(file, files.get(LESSON_FILE));
        CurriculumSnapshot snapshot = load(publicContent, overlay, p -> p.file().equals(file)
                ? new ContentProblem(LESSON_FILE, p.line(), p.message()) : p);
        Lesson l = snapshot.lessons().get(id);
        return new Lesson(l.id(), l.trackId(), l.title(), l.skills(), l.prerequisites(), l.difficulty(), l.minutes(),
                l.markdown(), l.html(), l.sections(), l.checks(), organizationId);
    }

    private static void checkId(String id, String file, List<ContentProblem> fileProblems) {
        List<ContentProblem> problems = new ArrayList<>();
        if (id == null || id.length() > 100 || !KEBAB.matcher(id).matches()) {
            problems.add(new ContentProblem(file, 2, "the front matter needs an 'id' in kebab-case "
                    + "(at most 100 characters)"));
        }
        problems.addAll(fileProblems);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
    }

    private static String trackYaml(String lessons, String exercises) {
        return """
                id: %s
                title: Organization content
                summary: Lessons and exercises private to one organization.
                order: 99
                lessons: %s
                exercises: %s
                """.formatted(TRACK_ID, lessons, exercises);
    }

    private static CurriculumSnapshot load(ContentSource publicContent, Map<String, String> overlay,
            UnaryOperator<ContentProblem> rename) {
        try {
            return new ContentLoader().load(combined(publicContent, overlay));
        } catch (InvalidContentException e) {
            throw new InvalidContentException(e.problems().stream().map(rename).toList());
        }
    }

    /** SHA-256 over the folder's files, names and text. */
    static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static ContentSource combined(ContentSource base, Map<String, String> overlay) {
        return new ContentSource() {
            @Override
            public List<String> files() {
                List<String> all = new ArrayList<>(base.files().stream()
                        .filter(f -> !f.startsWith(TRACK_DIR + "/")).toList());
                all.addAll(overlay.keySet());
                return all.stream().sorted().toList();
            }

            @Override
            public String read(String path) {
                String text = overlay.get(path);
                return text != null ? text : base.read(path);
            }

            @Override
            public String describe() {
                return base.describe() + " with an organization's item";
            }
        };
    }
}
