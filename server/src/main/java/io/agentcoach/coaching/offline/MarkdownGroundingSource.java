package io.agentcoach.coaching.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.GroundingSource;

/**
 * Searches the curriculum's Markdown files ({@code content/**&#47;*.md}, YAML front matter with a
 * {@code title}, sections under {@code ##} headings) by term overlap weighted by rarity (TF-IDF).
 * Read once, on first use. The knowledge module's index replaces it when present.
 */
public final class MarkdownGroundingSource implements GroundingSource {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*[\"']?(.*?)[\"']?\\s*$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "what", "how", "why", "does", "is",
            "are", "to", "of", "in", "on", "it", "an", "do", "can", "my", "me", "with", "this", "that", "be", "or",
            "as", "at", "by", "from", "you", "your", "we", "when", "which", "should", "would", "about", "into");

    private record Section(String title, String heading, String path, String anchor, String text,
            Map<String, Integer> terms) {
    }

    private final Path root;
    private volatile List<Section> sections;
    private volatile Map<String, Integer> documentFrequency;

    public MarkdownGroundingSource(Path root) {
        this.root = root;
    }

    @Override
    public List<CurriculumPassage> search(String query, int limit) {
        load();
        Set<String> queryTerms = new HashSet<>(terms(query).keySet());
        if (queryTerms.isEmpty()) {
            return List.of();
        }
        int total = sections.size();
        List<CurriculumPassage> hits = new ArrayList<>();
        for (Section section : sections) {
            double score = 0;
            for (String term : queryTerms) {
                Integer frequency = section.terms().get(term);
                if (frequency != null) {
                    double idf = Math.log(1 + (double) total / documentFrequency.get(term));
                    score += (1 + Math.log(frequency)) * idf;
                }
            }
            if (score > 0) {
                hits.add(new CurriculumPassage(section.title(), section.heading(), section.path(), section.anchor(),
                        section.text(), score));
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingDouble(CurriculumPassage::score).reversed()
                        .thenComparing(CurriculumPassage::path).thenComparing(CurriculumPassage::anchor))
                .limit(limit).toList();
    }

    private void load() {
        if (sections != null) {
            return;
        }
        synchronized (this) {
            if (sections != null) {
                return;
            }
            List<Section> read = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                        read.addAll(sectionsOf(file));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Map<String, Integer> df = new HashMap<>();
            read.forEach(s -> s.terms().keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
            documentFrequency = df;
            sections = List.copyOf(read);
        }
    }

    private List<Section> sectionsOf(Path file) throws IOException {
        String markdown = Files.readString(file);
        String path = root.relativize(file).toString().replace('\\', '/');
        String title = file.getFileName().toString().replaceFirst("\\.md$", "");
        Matcher front = FRONT_MATTER.matcher(markdown);
        if (front.find()) {
            Matcher t = TITLE.matcher(front.group(1));
            if (t.find() && !t.group(1).isBlank()) {
                title = t.group(1);
            }
            markdown = markdown.substring(front.end());
        }
        List<Section> result = new ArrayList<>();
        String heading = "";
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("## ")) {
                add(result, title, heading, path, body);
                heading = line.substring(3).trim();
                body.setLength(0);
            } else if (!line.startsWith("# ")) {
                body.append(line).append('\n');
            }
        }
        add(result, title, heading, path, body);
        return result;
    }

    private static void add(List<Section> into, String title, String heading, String path, StringBuilder body) {
        String text = body.toString().strip();
        if (text.isEmpty()) {
            return;
        }
        Map<String, Integer> terms = terms(title + " " + heading + " " + text);
        into.add(new Section(title, heading, path, anchor(heading), text, terms));
    }

    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} -]", "").trim().replace(' ', '-');
    }

    private static Map<String, Integer> terms(String text) {
        Map<String, Integer> terms = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            if (!STOP_WORDS.contains(word)) {
                terms.merge(stem(word), 1, Integer::sum);
            }
        }
        return terms;
    }

    /** Plural and verb endings folded so that "tools" finds "tool" and "calling" finds "call". */
    private static String stem(String word) {
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("es") && !word.endsWith("ses")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
