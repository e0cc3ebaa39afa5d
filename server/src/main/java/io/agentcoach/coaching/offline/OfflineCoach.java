package io.agentcoach.coaching.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.LearnerContext.TestFailure;

/**
 * The coach that needs no model: it stitches an answer from the learner's failing tests, the
 * retrieved curriculum passages (cited) and the learning path. Deterministic: the same question,
 * passages and context always give the same answer. Every answer says it is the offline coach.
 */
public final class OfflineCoach {

    public static final String LABEL = "**Offline coach**";

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int WORDS_PER_CHUNK = 4;

    /** Writes the answer to {@code tokens} in small chunks, as a model would stream, and returns it. */
    public String answer(CoachQuestion question, List<CurriculumPassage> passages, boolean offTopic,
            Consumer<String> tokens) {
        String text = compose(question, passages, offTopic);
        stream(text, tokens);
        return text;
    }

    String compose(CoachQuestion question, List<CurriculumPassage> passages, boolean offTopic) {
        StringBuilder answer = new StringBuilder(LABEL)
                .append(" (no AI model was used; this answer comes from the curriculum and your results)\n\n");
        if (offTopic) {
            answer.append("That question is outside what I coach. I help with building agentic AI systems: ")
                    .append("agents, tools, retrieval, evaluation and the exercises of your tracks.\n\n");
        }
        List<TestFailure> failures = question.context().failures();
        if (!failures.isEmpty()) {
            answer.append("### Your latest test run\n");
            for (TestFailure failure : failures) {
                answer.append("- `").append(failure.test()).append("` failed");
                if (!failure.expected().isEmpty()) {
                    answer.append(": it expected ").append(quote(failure.expected()));
                    if (!failure.actual().isEmpty()) {
                        answer.append(" but got ").append(quote(failure.actual()));
                    }
                }
                answer.append('.');
                if (!failure.message().isEmpty()) {
                    answer.append(" The message was: ").append(quote(failure.message())).append('.');
                }
                answer.append('\n');
            }
            answer.append("Start with `").append(failures.getFirst().test())
                    .append("`: read what it sets up, then find where your code produces the value it checks.\n\n");
        }
        if (!offTopic && !passages.isEmpty()) {
            answer.append("### From the curriculum\n");
            for (int i = 0; i < passages.size(); i++) {
                answer.append(summary(passages.get(i).text())).append(" [").append(i + 1).append("]\n\n");
            }
            answer.append("Sources:\n");
            for (int i = 0; i < passages.size(); i++) {
                answer.append("[").append(i + 1).append("] ").append(passages.get(i).citation()).append('\n');
            }
            answer.append('\n');
        } else if (!offTopic && failures.isEmpty()) {
            answer.append("I found nothing in the curriculum about this. Try naming the concept, the lesson or ")
                    .append("the exercise you are working on.\n\n");
        }
        List<String> next = question.context().nextSteps();
        if (!next.isEmpty()) {
            answer.append("### What to do next\n");
            next.forEach(step -> answer.append("- ").append(step).append('\n'));
        }
        return answer.toString().stripTrailing() + "\n";
    }

    private static String summary(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        String[] sentences = SENTENCE_END.split(flat);
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String sentence : sentences) {
            if (kept.size() == 3 || length + sentence.length() > 500) {
                break;
            }
            kept.add(sentence);
            length += sentence.length();
        }
        return kept.isEmpty() ? flat.substring(0, Math.min(flat.length(), 500)) : String.join(" ", kept);
    }

    private static String quote(String value) {
        String oneLine = value.replaceAll("\\s+", " ").trim();
        return "`" + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine) + "`";
    }

    private static void stream(String text, Consumer<String> tokens) {
        String[] words = text.split("(?<=\\s)");
        StringBuilder chunk = new StringBuilder();
        int inChunk = 0;
        for (String word : words) {
            chunk.append(word);
            if (++inChunk == WORDS_PER_CHUNK) {
                tokens.accept(chunk.toString());
                chunk.setLength(0);
                inChunk = 0;
            }
        }
        if (!chunk.isEmpty()) {
            tokens.accept(chunk.toString());
        }
    }
}
