package io.agentcoach.knowledge.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.agentcoach.knowledge.CurriculumDocument;
import io.agentcoach.knowledge.CurriculumSource;
import io.agentcoach.knowledge.KnowledgeSettings;
import io.agentcoach.knowledge.SourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the lessons of the curriculum folder directly ({@code tracks/<track>/lessons/*.md}, YAML
 * front matter with {@code id}, {@code title}, {@code skills}), until the content module supplies
 * the curriculum itself. The track is the folder name unless the front matter names one; the id
 * defaults to {@code <track>/<file name>} and the title to the first heading.
 */
@Component
class ContentFolderCurriculum implements CurriculumSource {

    private static final Logger log = LoggerFactory.getLogger(ContentFolderCurriculum.class);
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---[ \\t]*(\\R|\\z)", Pattern.DOTALL);
    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#[ \\t]+(.+?)[ \\t#]*$");

    private final Path root;

    ContentFolderCurriculum(KnowledgeSettings settings) {
        this.root = settings.contentDir();
    }

    @Override
    public List<CurriculumDocument> documents() {
        Path tracks = root.resolve("tracks");
        if (!Files.isDirectory(tracks)) {
            return List.of();
        }
        List<CurriculumDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tracks, 3)) {
            for (Path file : files.filter(ContentFolderCurriculum::isLesson).sorted().toList()) {
                try {
                    documents.add(lesson(file));
                } catch (RuntimeException e) {
                    log.warn("Skipping lesson {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static boolean isLesson(Path file) {
        return file.getFileName().toString().endsWith(".md") && file.getParent() != null
                && file.getParent().getFileName().toString().equals("lessons") && Files.isRegularFile(file);
    }

    private CurriculumDocument lesson(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> front = Map.of();
        Matcher matter = FRONT_MATTER.matcher(text);
        if (matter.find()) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(matter.group(1));
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                front = typed;
            }
            text = text.substring(matter.end());
        }
        String track = string(front.get("track"), file.getParent().getParent().getFileName().toString());
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        Matcher heading = FIRST_HEADING.matcher(text);
        String title = string(front.get("title"), heading.find() ? heading.group(1) : name);
        List<String> skills = front.get("skills") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new CurriculumDocument(string(front.get("id"), track + "/" + name), title, SourceType.LESSON, track, skills, text);
    }

    private static String string(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value).strip();
    }
}
