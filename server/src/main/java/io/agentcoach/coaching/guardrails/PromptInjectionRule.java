package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prompt-injection defence, direct and indirect.
 * <ul>
 * <li>A learner message scoring at least {@code injectionBlockScore} is refused; one scoring at least
 * {@code injectionFlagScore} is neutralised (fake role tags, hidden comments and invisible characters
 * removed) and flagged.</li>
 * <li>Retrieved documents and learner code are never dropped: they are always fenced as data between
 * delimiters carrying a per-request nonce, and flagged in the fence header when they score at least
 * {@code injectionFlagScore}.</li>
 * </ul>
 */
record PromptInjectionRule(GuardrailSettings settings, UntrustedContentFence fence) implements GuardrailRule {

    static final String NAME = "prompt-injection";
    static final String REFUSAL = "This message looks like an attempt to change the coach's instructions, so it was "
            + "not sent. Ask your question about the course or your code directly and the coach will help.";

    private static final Pattern ROLE_TAGS = Pattern.compile(
            "<\\|?(?:im_start|im_end|system|endoftext|start_header_id|end_header_id|eot_id)\\|?>|\\[/?INST\\]|<</?SYS>>",
            Pattern.CASE_INSENSITIVE);
    private static final PromptInjectionDetector DETECTOR = new PromptInjectionDetector();
    /**
     * Scores of retrieved documents: curriculum passages repeat across questions, and scoring is the
     * costliest part of fencing one. Bounded, least recently used first out; the score depends on the
     * text alone.
     */
    private static final int DOCUMENT_SCORES_KEPT = 2_048;
    private static final Map<String, PromptInjectionDetector.Score> DOCUMENT_SCORES = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PromptInjectionDetector.Score> eldest) {
                    return size() > DOCUMENT_SCORES_KEPT;
                }
            });
    private static final Pattern HTML_COMMENTS = Pattern.compile("<!--.*?(?:-->|$)", Pattern.DOTALL);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        PromptInjectionDetector.Score score = context.source() == GuardContext.Source.RETRIEVED_DOCUMENT
                ? documentScore(text) : DETECTOR.score(text);
        if (context.source().untrustedData()) {
            boolean flagged = score.score() >= settings.injectionFlagScore();
            List<String> reasons = new ArrayList<>();
            reasons.add(NAME + ": " + context.source().name().toLowerCase().replace('_', ' ') + " fenced as data");
            if (flagged) {
                reasons.add(NAME + ": flagged, score " + formatted(score.score()) + " (" + String.join(", ", score.reasons()) + ")");
            }
            return new Decision.Rewrite(fence.fence(text, context.source(), flagged ? score.reasons() : List.of()), reasons);
        }
        if (context.source() != GuardContext.Source.LEARNER_MESSAGE || score.score() < settings.injectionFlagScore()) {
            return Decision.ALLOW;
        }
        String detail = "score " + formatted(score.score()) + " (" + String.join(", ", score.reasons()) + ")";
        if (score.score() >= settings.injectionBlockScore()) {
            return new Decision.Block(NAME + ": " + detail, REFUSAL);
        }
        return new Decision.Rewrite(neutralised(text), List.of(NAME + ": neutralised, " + detail));
    }

    private static PromptInjectionDetector.Score documentScore(String text) {
        PromptInjectionDetector.Score known = DOCUMENT_SCORES.get(text);
        if (known == null) {
            known = DETECTOR.score(text);
            DOCUMENT_SCORES.put(text, known);
        }
        return known;
    }

    private static String neutralised(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !TextNormalizer.isInvisible(cp)).forEach(visible::appendCodePoint);
        String withoutComments = HTML_COMMENTS.matcher(visible).replaceAll("");
        return ROLE_TAGS.matcher(withoutComments).replaceAll("").strip();
    }

    private static String formatted(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
