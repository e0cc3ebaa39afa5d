package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Output check against system-prompt leakage: an answer sharing at least
 * {@code leakMinSharedNgrams} word n-grams ({@code leakNgramSize} words) with the system prompt
 * actually sent, or claiming to reveal hidden instructions, is replaced with a refusal.
 * Comparison is on folded words (case, punctuation, look-alike letters and invisible characters
 * ignored), so reformatting or homoglyphs do not hide a verbatim copy.
 */
final class SystemPromptLeakRule implements GuardrailRule {

    static final String NAME = "system-prompt-leak";
    static final String REFUSAL = "I can't share my configuration or instructions. I'm here to help with the course, "
            + "your exercises and your code: what are you working on?";

    private static final Pattern DISCLOSURE_CLAIM = Pattern.compile(
            "\\b(?:my|the) (?:system prompt|hidden instructions|initial instructions|secret instructions|original instructions"
                    + "|system instructions|instructions i was given)\\b[^.\\n]{0,20}\\b(?:is|are|says?|reads?|was|were|follows?|:)"
                    + "|\\bhere (?:is|are) (?:my|the) (?:full |complete |hidden |secret |original )?(?:system prompt|instructions"
                    + "|hidden instructions|initial prompt)\\b"
                    + "|\\bi (?:was|have been|am) (?:instructed|told|programmed|prompted) (?:to|that|not to)\\b"
                    + "|\\b(?:dan|developer) mode (?:enabled|activated|on)\\b|\\bjailbreak (?:successful|enabled)\\b");

    private final GuardrailSettings settings;
    private final LastComputed<String, Set<Long>> promptGrams;

    SystemPromptLeakRule(GuardrailSettings settings) {
        this.settings = settings;
        this.promptGrams = new LastComputed<>(
                prompt -> Set.copyOf(ngrams(words(TextNormalizer.fold(prompt)), settings.leakNgramSize())));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        String folded = TextNormalizer.fold(text);
        if (DISCLOSURE_CLAIM.matcher(folded).find()) {
            return new Decision.Rewrite(REFUSAL, List.of(NAME + ": the answer claims to reveal hidden instructions"));
        }
        if (context.systemPrompt().isBlank()) {
            return Decision.ALLOW;
        }
        Set<Long> promptGrams = this.promptGrams.get(context.systemPrompt());
        if (promptGrams.isEmpty()) {
            return Decision.ALLOW;
        }
        Set<Long> shared = ngrams(words(folded), settings.leakNgramSize());
        shared.retainAll(promptGrams);
        if (shared.size() < settings.leakMinSharedNgrams()) {
            return Decision.ALLOW;
        }
        return new Decision.Rewrite(REFUSAL, List.of(NAME + ": the answer reproduces " + shared.size() + " of "
                + promptGrams.size() + " " + settings.leakNgramSize() + "-word sequences of the system prompt"));
    }

    static List<String> words(String folded) {
        List<String> words = new ArrayList<>(folded.length() / 5);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** A hash per run of n consecutive words. */
    static Set<Long> ngrams(List<String> words, int n) {
        Set<Long> grams = new HashSet<>(Math.max(16, 2 * (words.size() - n + 1)));
        for (int i = 0; i + n <= words.size(); i++) {
            long hash = 17;
            for (int j = i; j < i + n; j++) {
                hash = hash * 1_000_003L + words.get(j).hashCode();
            }
            grams.add(hash);
        }
        return grams;
    }
}
