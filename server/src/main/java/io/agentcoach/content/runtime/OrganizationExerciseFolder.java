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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentcoach.content.Exercise;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.loading.ContentLoader;
import io.agentcoach.content.loading.ContentProblem;
import io.agentcoach.content.loading.ContentSource;
import io.agentcoach.content.loading.CurriculumSnapshot;
import io.agentcoach.content.loading.InvalidContentException;

/**
 * An organization's exercise folder (exercise.md, starter.py, tests_public.py, tests_hidden.py,
 * reference.py, wrong/*.py), validated by the {@link ContentLoader} rules: it is loaded together
 * with the public curriculum as the only exercise of a synthetic track, so its front matter, skill
 * references and files are checked exactly as for content/. Problems name the folder's own files.
 */
final class OrganizationExerciseFolder {

    static final String TRACK_ID = "organization";
    private static final String TRACK_DIR = "tracks/99-" + TRACK_ID;
    private static final Pattern FILE_NAME = Pattern.compile(
            "exercise\\.md|starter\\.py|tests_public\\.py|tests_hidden\\.py|reference\\.py|wrong/[a-z0-9_-]{1,60}\\.py");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*['\"]?([^'\"\\s]+)['\"]?\\s*$");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private OrganizationExerciseFolder() {
    }

    /** The id in exercise.md's front matter, or null when there is none. */
    static String declaredId(Map<String, String> files) {
        String statement = files.get("exercise.md");
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
    static ExerciseBundle load(ContentSource publicContent, String id, UUID organizationId, Map<String, String> files) {
        List<ContentProblem> problems = new ArrayList<>();
        if (id == null || id.length() > 100 || !KEBAB.matcher(id).matches()) {
            problems.add(new ContentProblem("exercise.md", 2, "the front matter needs an 'id' in kebab-case "
                    + "(at most 100 characters)"));
        }
        files.keySet().stream().filter(name -> !FILE_NAME.matcher(name).matches()).sorted()
                .forEach(name -> problems.add(new ContentProblem(name, 0, "file is not part of an exercise folder "
                        + "(exercise.md, starter.py, tests_public.py, tests_hidden.py, reference.py, wrong/<name>.py)")));
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        String dir = TRACK_DIR + "/exercises/" + id + "/";
        Map<String, String> overlay = new TreeMap<>();
        overlay.put(TRACK_DIR + "/track.yaml", """
                id: %s
                title: Organization exercises
                summary: Exercises private to one organization.
                order: 99
                lessons: []
                exercises: [%s]
                """.formatted(TRACK_ID, id));
        files.forEach((name, text) -> overlay.put(dir + name, text));
        CurriculumSnapshot snapshot;
        try {
            snapshot = new ContentLoader().load(combined(publicContent, overlay));
        } catch (InvalidContentException e) {
            throw new InvalidContentException(e.problems().stream()
                    .map(p -> p.file().startsWith(dir) ? new ContentProblem(p.file().substring(dir.length()),
                            p.line(), p.message()) : p.file().equals(dir.substring(0, dir.length() - 1))
                                    ? new ContentProblem("exercise.md", p.line(), p.message()) : p)
                    .toList());
        }
        ExerciseBundle bundle = snapshot.bundles().get(id);
        Exercise e = bundle.exercise();
        Exercise owned = new Exercise(e.id(), e.trackId(), e.title(), e.skills(), e.prerequisites(), e.difficulty(),
                e.minutes(), e.language(), e.statementMarkdown(), e.statementHtml(), e.starterCode(), e.publicTests(),
                e.hints(), organizationId);
        return new ExerciseBundle(owned, bundle.hiddenTests(), bundle.referenceSolution(), bundle.wrongSolutions());
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
                return base.describe() + " with an organization's exercise";
            }
        };
    }
}
