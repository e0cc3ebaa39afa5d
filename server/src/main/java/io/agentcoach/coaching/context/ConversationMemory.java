package io.agentcoach.coaching.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CoachQuestion.Turn;
import io.agentcoach.coaching.CoachingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What of a conversation goes with a question: the most recent turns verbatim, as many as fit the
 * chosen model's history budget (newest first), and a summary of everything older. The summary is
 * stored with the session and extended only by the turns that left the verbatim window since; a
 * model writes it when one answers (else, or when that fails, a deterministic extractive summary).
 */
public final class ConversationMemory {

    /** The longest single turn sent verbatim; longer ones are cut. */
    public static final int TURN_CHARS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(ConversationMemory.class);

    /** Writes a summary with a model: the previous summary and the turns to fold in. */
    @FunctionalInterface
    public interface Summarizer {
        String summarise(String previous, List<Turn> turns) throws Exception;
    }

    /**
     * @param summary the summary of the turns before {@code verbatim} ("" when there are none)
     * @param verbatim the turns sent as they are, oldest first
     * @param summarisedBy {@code model}, {@code extractive}, or "" when nothing was summarised this time
     */
    public record Prepared(String summary, List<Turn> verbatim, String summarisedBy) {

        public Prepared {
            verbatim = List.copyOf(verbatim);
        }
    }

    private final ConversationSummaries summaries;
    private final CoachingSettings.Context settings;
    private final java.util.Map<String, Integer> budgets = new java.util.concurrent.ConcurrentHashMap<>();

    public ConversationMemory(ConversationSummaries summaries, CoachingSettings.Context settings) {
        this.summaries = summaries;
        this.settings = settings;
    }

    /** The history budget, in estimated tokens, of {@code modelName} (a model name without provider, or null offline). */
    public int budgetFor(String modelName) {
        return budgets.computeIfAbsent(modelName == null ? "" : modelName, settings::historyBudget);
    }

    /**
     * Splits the question's history for a model with {@code budgetTokens} of history, folding the
     * turns that no longer fit into the stored summary ({@code summarizer} null: extractively).
     */
    public Prepared prepare(CoachQuestion question, int budgetTokens, Summarizer summarizer) {
        List<Turn> history = question.history();
        if (history.isEmpty()) {
            return new Prepared("", List.of(), "");
        }
        int firstVerbatim = history.size();
        int used = 0;
        // newest first; the latest turn always goes (cut to TURN_CHARS), the others while they fit
        while (firstVerbatim > 0) {
            int cost = TokenEstimate.ofMessage(cut(history.get(firstVerbatim - 1).text()));
            if (firstVerbatim < history.size() && used + cost > budgetTokens) {
                break;
            }
            used += cost;
            firstVerbatim--;
        }
        List<Turn> verbatim = history.subList(firstVerbatim, history.size()).stream()
                .map(t -> new Turn(t.position(), t.fromLearner(), cut(t.text()))).toList();
        List<Turn> older = history.subList(0, firstVerbatim);
        if (older.isEmpty()) {
            return new Prepared("", verbatim, "");
        }
        boolean stored = question.sessionId() != null && older.getLast().position() > 0;
        Optional<ConversationSummaries.Summary> previous = stored
                ? summaries.find(question.organizationId(), question.sessionId()) : Optional.empty();
        int through = previous.map(ConversationSummaries.Summary::through).orElse(0);
        String previousText = previous.map(ConversationSummaries.Summary::text).orElse("");
        List<Turn> toFold = new ArrayList<>();
        for (Turn turn : older) {
            if (!stored || turn.position() > through) {
                toFold.add(turn);
            }
        }
        if (toFold.isEmpty()) {
            return new Prepared(previousText, verbatim, "");
        }
        String summary = null;
        String by = "extractive";
        if (summarizer != null) {
            try {
                summary = summarizer.summarise(previousText, toFold);
                by = "model";
            } catch (Exception failed) {
                log.warn("Summarising older turns with a model failed ({}); summarising extractively", failed.toString());
            }
        }
        if (summary == null || summary.isBlank()) {
            summary = ExtractiveSummary.summarise(previousText, toFold);
            by = "extractive";
        }
        if (stored) {
            summaries.save(question.organizationId(), question.sessionId(), summary, older.getLast().position());
        }
        return new Prepared(summary, verbatim, by);
    }

    private static String cut(String text) {
        return text.length() > TURN_CHARS ? text.substring(0, TURN_CHARS) + " …" : text;
    }
}
