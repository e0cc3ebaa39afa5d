package io.agentcoach.knowledge.retrieval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub-style heading anchors: lower case, punctuation dropped, spaces to hyphens, and repeated
 * headings in one document numbered {@code -1}, {@code -2}, ... as GitHub renders them.
 */
final class Slugs {

    private final Map<String, Integer> seen = new HashMap<>();

    static String slug(String heading) {
        String stripped = heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("<[^>]*>", "")
                .replaceAll("[^\\p{L}\\p{N}\\p{M}\\s_-]", "");
        return stripped.replace(' ', '-');
    }

    /** The anchor of the next heading in the same document. */
    String next(String heading) {
        String base = slug(heading);
        Integer count = seen.get(base);
        if (count == null) {
            seen.put(base, 1);
            return base;
        }
        seen.put(base, count + 1);
        String numbered = base + "-" + count;
        seen.putIfAbsent(numbered, 1);
        return numbered;
    }
}
