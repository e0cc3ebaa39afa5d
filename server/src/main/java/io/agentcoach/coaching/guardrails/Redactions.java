package io.agentcoach.coaching.guardrails;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reversible mapping of one request: each redacted value gets a typed placeholder
 * ({@code [EMAIL_1]}), the same value always the same placeholder, so an answer that mentions a
 * placeholder can be re-personalised locally with {@link #restore(String)}. Lives only in memory for
 * the request; it is never sent anywhere.
 */
public final class Redactions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z_]+)_(\\d+)]");

    private final Map<String, String> originalsByPlaceholder = new LinkedHashMap<>();
    private final Map<String, String> placeholdersByOriginal = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** The placeholder for a value of a type, creating it on first use. */
    synchronized String placeholderFor(String type, String original) {
        String key = type + '\u0000' + original;
        String existing = placeholdersByOriginal.get(key);
        if (existing != null) {
            return existing;
        }
        int number = counters.merge(type, 1, Integer::sum);
        String placeholder = "[" + type + "_" + number + "]";
        placeholdersByOriginal.put(key, placeholder);
        originalsByPlaceholder.put(placeholder, original);
        return placeholder;
    }

    /** Placeholders and the values they stand for, in order of creation. */
    public synchronized Map<String, String> mapping() {
        return Map.copyOf(originalsByPlaceholder);
    }

    public synchronized boolean isEmpty() {
        return originalsByPlaceholder.isEmpty();
    }

    /** Puts the original values back in place of the placeholders this mapping created. */
    public synchronized String restore(String text) {
        if (originalsByPlaceholder.isEmpty() || text.indexOf('[') < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(
                originalsByPlaceholder.getOrDefault(match.group(), match.group())));
    }
}
