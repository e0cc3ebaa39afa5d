package io.agentcoach.knowledge.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Our own curriculum as a retrieval data set: the lessons of a content directory are the corpus,
 * {@code eval/curriculum-questions.yaml} the queries, and each question's {@code relevant}
 * sections ({@code <lesson id>#<section anchor>}) its judgements. Retrieval is judged at the
 * section level, which is what a citation links to.
 */
final class CurriculumQuestions {

    static final String FILE = "eval/curriculum-questions.yaml";
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---[ \\t]*\\R", Pattern.DOTALL);

    private CurriculumQuestions() {
    }

    static boolean isCurriculum(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE)) && Files.isDirectory(dir.resolve("tracks"));
    }

    static BeirDataset load(Path dir) {
        List<BeirDataset.Document> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("tracks"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md") && p.getParent().endsWith("lessons"))
                    .sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = FRONT_MATTER.matcher(text);
                if (!m.find()) {
                    throw new IllegalArgumentException(file + ": no front matter");
                }
                Map<String, Object> front = yaml().load(m.group(1));
                corpus.add(new BeirDataset.Document(String.valueOf(front.get("id")), String.valueOf(front.get("title")),
                        text.substring(m.end())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try {
            List<Map<String, Object>> entries = yaml().load(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8));
            for (Map<String, Object> entry : entries) {
                String id = String.valueOf(entry.get("id"));
                queries.put(id, String.valueOf(entry.get("question")));
                Map<String, Integer> judged = new HashMap<>();
                for (Object section : (List<?>) entry.get("relevant")) {
                    judged.put(String.valueOf(section), 1);
                }
                qrels.put(id, judged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BeirDataset(corpus, queries, qrels);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
