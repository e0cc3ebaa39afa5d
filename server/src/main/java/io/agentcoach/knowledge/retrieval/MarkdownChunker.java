package io.agentcoach.knowledge.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown into chunks along its headings: every section (a heading and the text up to the
 * next heading) becomes one or more chunks of at most {@code maxWords} words, cut at paragraph
 * boundaries where possible. Headings inside fenced code blocks are text. YAML front matter is
 * skipped.
 */
public final class MarkdownChunker {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private final int maxWords;

    public MarkdownChunker(int maxWords) {
        if (maxWords < 10) {
            throw new IllegalArgumentException("maxWords must be at least 10");
        }
        this.maxWords = maxWords;
    }

    public List<Chunk> chunk(SourceText source) {
        List<Chunk> chunks = new ArrayList<>();
        Slugs slugs = new Slugs();
        String section = null;
        String anchor = null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        for (String line : stripFrontMatter(source.markdown()).split("\\R", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                paragraph.append(line).append('\n');
                continue;
            }
            Matcher heading = inFence ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                flush(paragraph, paragraphs);
                emit(source, section, anchor, paragraphs, chunks);
                section = heading.group(2).strip();
                anchor = slugs.next(section);
            } else if (!inFence && line.isBlank()) {
                flush(paragraph, paragraphs);
            } else {
                paragraph.append(line).append('\n');
            }
        }
        flush(paragraph, paragraphs);
        emit(source, section, anchor, paragraphs, chunks);
        return chunks;
    }

    static String stripFrontMatter(String markdown) {
        if (markdown.startsWith("---")) {
            Matcher end = Pattern.compile("^(---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE).matcher(markdown);
            if (end.find(3) && end.start() > 0 && markdown.charAt(end.start() - 1) == '\n') {
                return markdown.substring(end.end());
            }
        }
        return markdown;
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        String text = paragraph.toString().strip();
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        paragraph.setLength(0);
    }

    private void emit(SourceText source, String section, String anchor, List<String> paragraphs, List<Chunk> out) {
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String paragraph : paragraphs) {
            List<String> pieces = splitLongParagraph(paragraph);
            for (String piece : pieces) {
                int pieceWords = countWords(piece);
                if (words > 0 && words + pieceWords > maxWords) {
                    out.add(chunk(source, out.size(), section, anchor, current.toString()));
                    current.setLength(0);
                    words = 0;
                }
                if (!current.isEmpty()) {
                    current.append("\n\n");
                }
                current.append(piece);
                words += pieceWords;
            }
        }
        if (words > 0) {
            out.add(chunk(source, out.size(), section, anchor, current.toString()));
        }
        paragraphs.clear();
    }

    private List<String> splitLongParagraph(String paragraph) {
        if (countWords(paragraph) <= maxWords) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        Matcher word = WORD.matcher(paragraph);
        int start = 0;
        int count = 0;
        int end = 0;
        while (word.find()) {
            if (count == maxWords) {
                pieces.add(paragraph.substring(start, end).strip());
                start = word.start();
                count = 0;
            }
            count++;
            end = word.end();
        }
        pieces.add(paragraph.substring(start).strip());
        return pieces;
    }

    private static int countWords(String text) {
        int count = 0;
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            count++;
        }
        return count;
    }

    private static Chunk chunk(SourceText source, int ordinal, String section, String anchor, String text) {
        return new Chunk(source.sourceId(), ordinal, source.title(), section, anchor, source.organizationId(),
                source.sourceType(), source.track(), source.skills(), text);
    }
}
