package io.agentcoach.content.loading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentcoach.content.CheckQuestion;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.Skill;
import io.agentcoach.content.SkillGraph;
import io.agentcoach.content.Track;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates a whole curriculum (docs/content-format.md). Either everything is valid
 * and a {@link CurriculumSnapshot} is returned, or an {@link InvalidContentException} lists every
 * problem with its file and line; there is no partial result.
 */
public final class ContentLoader {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ORDERED_NAME = Pattern.compile("(\\d{2})-([a-z0-9-]+)");
    private static final Pattern TRACK_FILE = Pattern.compile("tracks/([^/]+)/track\\.yaml");
    private static final Pattern LESSON_FILE = Pattern.compile("tracks/([^/]+)/lessons/([^/]+)\\.md");
    private static final Pattern EXERCISE_FILE = Pattern.compile("tracks/([^/]+)/exercises/([^/]+)/(.+)");
    private static final List<String> EXERCISE_FILES = List.of("exercise.md", "starter.py", "tests_public.py",
            "tests_hidden.py", "reference.py");

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public CurriculumSnapshot load(ContentSource source) {
        List<ContentProblem> problems = new ArrayList<>();
        List<String> files = source.files();
        if (files.isEmpty()) {
            throw new InvalidContentException(List.of(new ContentProblem(source.describe(), 0,
                    "no content files found")));
        }
        Map<String, String> text = new TreeMap<>();
        for (String file : files) {
            text.put(file, source.read(file));
        }

        Map<String, Skill> skills = new LinkedHashMap<>();
        Map<String, Integer> skillLines = new HashMap<>();
        Map<String, String> skillFiles = new HashMap<>();
        text.forEach((file, body) -> {
            if (file.startsWith("skills/") && file.endsWith(".yaml")) {
                readSkills(file, body, skills, skillLines, skillFiles, problems);
            }
        });

        Map<String, String> trackDirs = new LinkedHashMap<>();
        Map<String, TrackFile> trackFiles = new LinkedHashMap<>();
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<String, ExerciseDraft> exercises = new LinkedHashMap<>();
        Map<String, Set<String>> lessonFilesByTrack = new LinkedHashMap<>();
        Map<String, Set<String>> exerciseDirsByTrack = new LinkedHashMap<>();
        Map<String, Map<String, String>> exerciseFiles = new TreeMap<>();

        for (var entry : text.entrySet()) {
            String file = entry.getKey();
            Matcher m;
            if ((m = TRACK_FILE.matcher(file)).matches()) {
                TrackFile track = readTrack(file, m.group(1), entry.getValue(), problems);
                if (track != null) {
                    trackFiles.put(track.track().id(), track);
                    trackDirs.put(m.group(1), track.track().id());
                }
            } else if ((m = LESSON_FILE.matcher(file)).matches()) {
                lessonFilesByTrack.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(file);
            } else if ((m = EXERCISE_FILE.matcher(file)).matches()) {
                exerciseDirsByTrack.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
                exerciseFiles.computeIfAbsent("tracks/" + m.group(1) + "/exercises/" + m.group(2),
                        k -> new TreeMap<>()).put(m.group(3), entry.getValue());
            } else if (!file.startsWith("skills/") && !file.startsWith("tools/") && !file.startsWith("eval/")
                    && !file.endsWith("README.md")) {
                problems.add(new ContentProblem(file, 0, "file is not part of the content format"));
            }
        }

        Map<String, String> lessonFileToId = new HashMap<>();
        for (var entry : lessonFilesByTrack.entrySet()) {
            String trackId = trackDirs.get(entry.getKey());
            if (trackId == null) {
                problems.add(new ContentProblem("tracks/" + entry.getKey(), 0, "lessons in a folder without track.yaml"));
                continue;
            }
            for (String file : entry.getValue()) {
                Lesson lesson = readLesson(file, trackId, text.get(file), problems);
                if (lesson != null) {
                    if (lessons.putIfAbsent(lesson.id(), lesson) != null) {
                        problems.add(new ContentProblem(file, 2, "lesson id '" + lesson.id() + "' is used twice"));
                    }
                    lessonFileToId.put(file.substring(file.lastIndexOf('/') + 1), lesson.id());
                }
            }
        }
        for (var entry : exerciseFiles.entrySet()) {
            String dir = entry.getKey();
            String trackDir = dir.split("/")[1];
            String trackId = trackDirs.get(trackDir);
            if (trackId == null) {
                problems.add(new ContentProblem(dir, 0, "exercise in a folder without track.yaml"));
                continue;
            }
            ExerciseDraft draft = readExercise(dir, trackId, entry.getValue(), problems);
            if (draft != null && exercises.putIfAbsent(draft.exercise().id(), draft) != null) {
                problems.add(new ContentProblem(dir + "/exercise.md", 2,
                        "exercise id '" + draft.exercise().id() + "' is used twice"));
            }
        }

        checkTracks(trackFiles, lessons, exercises, problems);
        checkSkillReferences(skills, skillLines, skillFiles, lessons, exercises, text, problems);
        checkLinks(lessons, lessonFileToId, text, problems);

        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        List<Track> tracks = trackFiles.values().stream().map(TrackFile::track)
                .sorted(java.util.Comparator.comparingInt(Track::order)).toList();
        Map<String, Exercise> exerciseViews = new LinkedHashMap<>();
        Map<String, ExerciseBundle> bundles = new LinkedHashMap<>();
        exercises.forEach((id, d) -> {
            exerciseViews.put(id, d.exercise());
            bundles.put(id, new ExerciseBundle(d.exercise(), d.hiddenTests(), d.reference(), d.wrong()));
        });
        return new CurriculumSnapshot(version(text), tracks, lessons, exerciseViews, bundles,
                new SkillGraph(skills.values()));
    }

    /** A Markdown file's parsed YAML front matter (its lines numbered as in the file) and body. */
    private record FrontMatter(YamlDocument doc, Node root, Map<String, Node> fields, String body) {

        static FrontMatter read(String file, String text, List<ContentProblem> problems) {
            String[] parts = frontMatter(file, text, problems);
            if (parts == null) {
                return null;
            }
            Node root = YamlDocument.parse(file, parts[0], 1, problems);
            if (root == null) {
                return null;
            }
            YamlDocument doc = YamlDocument.of(file, 1, problems);
            return new FrontMatter(doc, root, doc.mapping(root, "front matter"), parts[1]);
        }
    }

    private record TrackFile(String file, Track track, int lessonsLine, int exercisesLine) {
    }

    private record ExerciseDraft(String dir, Exercise exercise, String hiddenTests, String reference,
            Map<String, String> wrong, int skillsLine) {
    }

    private void readSkills(String file, String body, Map<String, Skill> skills, Map<String, Integer> lines,
            Map<String, String> files, List<ContentProblem> problems) {
        Node root = YamlDocument.parse(file, body, 0, problems);
        if (root == null) {
            return;
        }
        YamlDocument doc = YamlDocument.of(file, 0, problems);
        for (Node item : doc.sequence(root, "a skills file")) {
            Map<String, Node> f = doc.mapping(item, "a skill");
            String id = doc.string(f, "id", item);
            String name = doc.string(f, "name", item);
            String description = doc.string(f, "description", item);
            List<String> prerequisites = doc.strings(f, "prerequisites", item, true);
            if (id.isEmpty()) {
                continue;
            }
            if (!KEBAB.matcher(id).matches()) {
                doc.problem(f.get("id"), "skill id '" + id + "' is not kebab-case");
            }
            if (skills.putIfAbsent(id, new Skill(id, name, description, prerequisites)) != null) {
                doc.problem(f.get("id"), "skill id '" + id + "' is defined twice (also in " + files.get(id) + ")");
            } else {
                lines.put(id, doc.line(f.get("id")));
                files.put(id, file);
            }
        }
    }

    private TrackFile readTrack(String file, String folder, String body, List<ContentProblem> problems) {
        Node root = YamlDocument.parse(file, body, 0, problems);
        if (root == null) {
            return null;
        }
        YamlDocument doc = YamlDocument.of(file, 0, problems);
        Map<String, Node> f = doc.mapping(root, "track.yaml");
        String id = doc.string(f, "id", root);
        Matcher m = ORDERED_NAME.matcher(folder);
        if (!m.matches()) {
            doc.problem(root, "track folder '" + folder + "' must be named NN-<track-id>");
        } else if (!m.group(2).equals(id)) {
            doc.problem(f.get("id"), "track id '" + id + "' does not match its folder '" + folder + "'");
        }
        Track track = new Track(id, doc.string(f, "title", root), doc.string(f, "summary", root),
                doc.integer(f, "order", root, 1, 99), doc.strings(f, "lessons", root, false),
                doc.strings(f, "exercises", root, false));
        return new TrackFile(file, track, doc.line(f.get("lessons")), doc.line(f.get("exercises")));
    }

    /** Splits "---\nyaml\n---\nbody"; returns [yaml, body] or null after recording a problem. */
    private static String[] frontMatter(String file, String text, List<ContentProblem> problems) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            problems.add(new ContentProblem(file, 1, "missing YAML front matter: the file must start with a '---' line"));
            return null;
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0 && normalized.endsWith("\n---")) {
            end = normalized.length() - 4;
        }
        if (end < 0) {
            problems.add(new ContentProblem(file, 1, "front matter is not closed by a '---' line"));
            return null;
        }
        String yaml = normalized.substring(4, end + 1);
        String body = end + 5 <= normalized.length() ? normalized.substring(Math.min(end + 5, normalized.length())) : "";
        return new String[] {yaml, body};
    }

    private Lesson readLesson(String file, String trackId, String text, List<ContentProblem> problems) {
        String fileName = file.substring(file.lastIndexOf('/') + 1, file.length() - 3);
        FrontMatter front = FrontMatter.read(file, text, problems);
        if (front == null) {
            return null;
        }
        YamlDocument doc = front.doc();
        Node root = front.root();
        Map<String, Node> f = front.fields();
        String id = doc.string(f, "id", root);
        Matcher m = ORDERED_NAME.matcher(fileName);
        if (!m.matches()) {
            doc.problem(root, "lesson file '" + fileName + ".md' must be named NN-<lesson-id>.md");
        } else if (!id.isEmpty() && !m.group(2).equals(id)) {
            doc.problem(f.get("id"), "lesson id '" + id + "' does not match its file name '" + fileName + ".md'");
        }
        List<CheckQuestion> checks = new ArrayList<>();
        Node checksNode = f.get("checks");
        if (checksNode == null) {
            doc.problem(root, "missing field 'checks'");
        } else {
            Set<String> checkIds = new LinkedHashSet<>();
            for (Node q : doc.sequence(checksNode, "'checks'")) {
                CheckQuestion question = readCheck(doc, q);
                if (question != null && !checkIds.add(question.id())) {
                    doc.problem(q, "check question id '" + question.id() + "' is used twice in this lesson");
                }
                if (question != null) {
                    checks.add(question);
                }
            }
            if (checks.size() < 2 || checks.size() > 4) {
                doc.problem(checksNode, "a lesson has 2 to 4 check questions, not " + checks.size());
            }
        }
        MarkdownRenderer.Rendered rendered = markdown.render(front.body());
        if (rendered.sections().stream().noneMatch(s -> s.level() == 2)) {
            problems.add(new ContentProblem(file, 1, "a lesson body needs '##' sections"));
        }
        return new Lesson(id, trackId, doc.string(f, "title", root), doc.strings(f, "skills", root, false),
                doc.strings(f, "prerequisites", root, true), doc.integer(f, "difficulty", root, 1, 5),
                doc.integer(f, "minutes", root, 1, 600), front.body(), rendered.html(), rendered.sections(), checks, null);
    }

    private static CheckQuestion readCheck(YamlDocument doc, Node q) {
        Map<String, Node> f = doc.mapping(q, "a check question");
        if (f.isEmpty()) {
            return null;
        }
        String id = doc.string(f, "id", q);
        String type = doc.string(f, "type", q);
        String prompt = doc.string(f, "prompt", q);
        String skill = doc.string(f, "skill", q);
        String explanation = doc.string(f, "explanation", q);
        return switch (type) {
            case "choice" -> {
                List<String> options = doc.strings(f, "options", q, false);
                int answer = doc.integer(f, "answer", q, 0, Math.max(0, options.size() - 1));
                if (options.size() < 2) {
                    doc.problem(f.get("options"), "a choice question needs at least 2 options");
                }
                yield new CheckQuestion(id, CheckQuestion.Type.CHOICE, prompt, options, answer, List.of(), skill,
                        explanation);
            }
            case "short" -> {
                List<String> accepted = doc.strings(f, "accepted", q, false);
                if (accepted.isEmpty()) {
                    doc.problem(q, "a short-answer question needs at least one accepted answer");
                }
                yield new CheckQuestion(id, CheckQuestion.Type.SHORT, prompt, List.of(), null, accepted, skill,
                        explanation);
            }
            case "" -> null;
            default -> {
                doc.problem(f.get("type"), "check question type must be 'choice' or 'short', not '" + type + "'");
                yield null;
            }
        };
    }

    private ExerciseDraft readExercise(String dir, String trackId, Map<String, String> files,
            List<ContentProblem> problems) {
        for (String required : EXERCISE_FILES) {
            if (!files.containsKey(required)) {
                problems.add(new ContentProblem(dir + "/" + required, 0, "missing exercise file " + required));
            }
        }
        Map<String, String> wrong = new TreeMap<>();
        files.forEach((name, body) -> {
            if (name.startsWith("wrong/") && name.endsWith(".py")) {
                wrong.put(name.substring(6), body);
            }
        });
        if (wrong.isEmpty()) {
            problems.add(new ContentProblem(dir + "/wrong", 0, "an exercise needs at least one wrong/<name>.py"));
        }
        String statement = files.get("exercise.md");
        if (statement == null) {
            return null;
        }
        String file = dir + "/exercise.md";
        FrontMatter front = FrontMatter.read(file, statement, problems);
        if (front == null) {
            return null;
        }
        YamlDocument doc = front.doc();
        Node root = front.root();
        Map<String, Node> f = front.fields();
        String id = doc.string(f, "id", root);
        String folder = dir.substring(dir.lastIndexOf('/') + 1);
        if (!id.isEmpty() && !id.equals(folder)) {
            doc.problem(f.get("id"), "exercise id '" + id + "' does not match its folder '" + folder + "'");
        }
        if (!id.isEmpty() && !KEBAB.matcher(id).matches()) {
            doc.problem(f.get("id"), "exercise id '" + id + "' is not kebab-case");
        }
        String language = doc.string(f, "language", root);
        if (!language.isEmpty() && !language.equals("python")) {
            doc.problem(f.get("language"), "language must be 'python', not '" + language + "'");
        }
        List<String> hints = doc.strings(f, "hints", root, false);
        if (hints.isEmpty()) {
            doc.problem(f.getOrDefault("hints", root), "an exercise needs progressive hints");
        }
        MarkdownRenderer.Rendered rendered = markdown.render(front.body());
        Exercise exercise = new Exercise(id, trackId, doc.string(f, "title", root),
                doc.strings(f, "skills", root, false), doc.strings(f, "prerequisites", root, true),
                doc.integer(f, "difficulty", root, 1, 5), doc.integer(f, "minutes", root, 1, 600), language,
                front.body(), rendered.html(), files.getOrDefault("starter.py", ""),
                files.getOrDefault("tests_public.py", ""), hints, null);
        return new ExerciseDraft(dir, exercise, files.getOrDefault("tests_hidden.py", ""),
                files.getOrDefault("reference.py", ""), wrong, doc.line(f.get("skills")));
    }

    private static void checkTracks(Map<String, TrackFile> tracks, Map<String, Lesson> lessons,
            Map<String, ExerciseDraft> exercises, List<ContentProblem> problems) {
        for (TrackFile tf : tracks.values()) {
            Track t = tf.track();
            Set<String> ownLessons = new LinkedHashSet<>();
            lessons.values().stream().filter(l -> l.trackId().equals(t.id())).forEach(l -> ownLessons.add(l.id()));
            Set<String> ownExercises = new LinkedHashSet<>();
            exercises.values().stream().filter(e -> e.exercise().trackId().equals(t.id()))
                    .forEach(e -> ownExercises.add(e.exercise().id()));
            compareListing(tf.file(), tf.lessonsLine(), "lesson", t.lessonIds(), ownLessons, problems);
            compareListing(tf.file(), tf.exercisesLine(), "exercise", t.exerciseIds(), ownExercises, problems);
        }
    }

    private static void compareListing(String file, int line, String kind, List<String> listed, Set<String> present,
            List<ContentProblem> problems) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : listed) {
            if (!seen.add(id)) {
                problems.add(new ContentProblem(file, line, kind + " '" + id + "' is listed twice"));
            } else if (!present.contains(id)) {
                problems.add(new ContentProblem(file, line, "lists " + kind + " '" + id + "', which does not exist"));
            }
        }
        for (String id : present) {
            if (!seen.contains(id)) {
                problems.add(new ContentProblem(file, line, kind + " '" + id + "' exists but is not listed"));
            }
        }
    }

    private static void checkSkillReferences(Map<String, Skill> skills, Map<String, Integer> skillLines,
            Map<String, String> skillFiles, Map<String, Lesson> lessons, Map<String, ExerciseDraft> exercises,
            Map<String, String> text, List<ContentProblem> problems) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Skill s : skills.values()) {
            edges.put(s.id(), s.prerequisites());
            for (String p : s.prerequisites()) {
                if (!skills.containsKey(p)) {
                    problems.add(new ContentProblem(skillFiles.get(s.id()), skillLines.get(s.id()),
                            "skill '" + s.id() + "' has unknown prerequisite '" + p + "'"));
                }
            }
        }
        List<String> cycle = SkillGraph.findCycle(edges);
        if (!cycle.isEmpty()) {
            problems.add(new ContentProblem(skillFiles.get(cycle.getFirst()), skillLines.get(cycle.getFirst()),
                    "prerequisite cycle: " + String.join(" -> ", cycle)));
        }
        for (Lesson l : lessons.values()) {
            String file = fileOf(text, "/lessons/", l.id() + ".md");
            requireSkills(text, file, "lesson", l.id(), l.skills(), skills, problems, true);
            requireSkills(text, file, "lesson", l.id(), l.prerequisites(), skills, problems, false);
            for (CheckQuestion q : l.checks()) {
                if (!skills.containsKey(q.skill())) {
                    problems.add(new ContentProblem(file, lineOf(text, file, "id: " + q.id()), "check question '" + q.id() + "' names unknown skill '"
                            + q.skill() + "'"));
                }
            }
        }
        for (ExerciseDraft d : exercises.values()) {
            String file = d.dir() + "/exercise.md";
            requireSkills(text, file, "exercise", d.exercise().id(), d.exercise().skills(), skills, problems, true);
            requireSkills(text, file, "exercise", d.exercise().id(), d.exercise().prerequisites(), skills, problems, false);
        }
    }

    private static void requireSkills(Map<String, String> text, String file, String kind, String id,
            List<String> named, Map<String, Skill> skills, List<ContentProblem> problems, boolean atLeastOne) {
        if (atLeastOne && named.isEmpty()) {
            problems.add(new ContentProblem(file, 0, kind + " '" + id + "' must name at least one skill"));
        }
        for (String s : named) {
            if (!skills.containsKey(s)) {
                problems.add(new ContentProblem(file, lineOf(text, file, s), kind + " '" + id + "' names unknown skill '" + s + "'"));
            }
        }
    }

    private static int lineOf(Map<String, String> text, String file, String needle) {
        String body = text.get(file);
        if (body == null) {
            return 0;
        }
        int index = body.indexOf(needle);
        return index < 0 ? 0 : (int) body.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String fileOf(Map<String, String> text, String folder, String suffix) {
        return text.keySet().stream().filter(f -> f.contains(folder) && f.endsWith("-" + suffix)).findFirst()
                .orElse(suffix);
    }

    private static void checkLinks(Map<String, Lesson> lessons, Map<String, String> lessonFileToId,
            Map<String, String> text, List<ContentProblem> problems) {
        for (Lesson lesson : lessons.values()) {
            String file = fileOf(text, "/lessons/", lesson.id() + ".md");
            for (String target : MarkdownLinks.destinations(lesson.markdown())) {
                String problem = MarkdownLinks.check(target, lesson, lessons, lessonFileToId);
                if (problem != null) {
                    problems.add(new ContentProblem(file, lineOf(text, file, "(" + target), problem));
                }
            }
        }
    }

    private static String version(Map<String, String> text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            text.forEach((path, body) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(body.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
