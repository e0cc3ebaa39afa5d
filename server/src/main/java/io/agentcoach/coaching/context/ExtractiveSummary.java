package io.agentcoach.coaching.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.agentcoach.coaching.CoachQuestion.Turn;

/**
 * The summary the offline coach keeps without a model: the earlier summary's points, then for each
 * folded turn its first sentence (what the learner asked, what the coach answered first), one line
 * each; over the size limit the oldest points go first. Deterministic: the same turns always give
 * the same summary.
 */
public final class ExtractiveSummary {

    static final int MAX_CHARS = 1_500;
    static final int MAX_POINT_CHARS = 200;
    static final String HEADING = "Earlier in this conversation:";

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");
    /** Lines that carry no content of their own: labels, headings, code fences, notices, sources. */
    private static final Pattern NOISE = Pattern.compile(
            "^(\\*\\*Offline coach\\*\\*.*|#+ .*|```.*|Sources:.*|\\[\\d+\\] .*|>.*|No AI model could answer.*|"
                    + "Your question was not sent.*)$");

    private ExtractiveSummary() {
    }

    public static String summarise(String previous, List<Turn> turns) {
        List<String> points = new ArrayList<>();
        if (previous != null) {
            previous.lines().filter(line -> line.startsWith("- ")).forEach(points::add);
        }
        for (Turn turn : turns) {
            String gist = gist(turn.text());
            if (!gist.isEmpty()) {
                points.add("- " + (turn.fromLearner() ? "The learner asked: " : "The coach answered: ") + gist);
            }
        }
        while (!points.isEmpty() && length(points) > MAX_CHARS) {
            points.removeFirst();
        }
        return points.isEmpty() ? "" : HEADING + "\n" + String.join("\n", points);
    }

    /** The first sentence of the first line that says something, flattened and cut. */
    static String gist(String text) {
        boolean inCode = false;
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode || line.isEmpty() || NOISE.matcher(line).matches()) {
                continue;
            }
            String sentence = SENTENCE_END.split(line.replaceFirst("^[-*] ", ""), 2)[0].strip();
            return sentence.length() <= MAX_POINT_CHARS ? sentence : sentence.substring(0, MAX_POINT_CHARS - 1) + "…";
        }
        return "";
    }

    private static int length(List<String> points) {
        return points.stream().mapToInt(p -> p.length() + 1).sum() + HEADING.length();
    }
}
