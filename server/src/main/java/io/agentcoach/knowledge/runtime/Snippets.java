package io.agentcoach.knowledge.runtime;

import java.util.List;
import java.util.Set;

import io.agentcoach.knowledge.Citation;
import io.agentcoach.knowledge.Passage;
import io.agentcoach.knowledge.retrieval.Chunk;
import io.agentcoach.knowledge.retrieval.Hit;
import io.agentcoach.knowledge.retrieval.HybridIndex;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the short excerpt shown for a hit: a window of the chunk around its first query term
 * (stemmed as the index stems), plain for citations and HTML-escaped with {@code <mark>} for display.
 */
final class Snippets {

    static final int LENGTH = 240;
    private static final int LEAD = 60;

    Passage passage(Hit hit, Set<String> terms, HybridIndex index) {
        Chunk chunk = hit.chunk();
        String text = chunk.text();
        List<int[]> matches = index.matches(text, terms);
        int start = matches.isEmpty() ? 0 : wordStart(text, Math.max(0, matches.getFirst()[0] - LEAD));
        int end = wordEnd(text, Math.min(text.length(), start + LENGTH));
        String prefix = start > 0 ? "…" : "";
        String suffix = end < text.length() ? "…" : "";
        String plain = prefix + text.substring(start, end).strip() + suffix;

        StringBuilder marked = new StringBuilder(prefix);
        int at = start;
        for (int[] match : matches) {
            if (match[0] < start || match[1] > end) {
                continue;
            }
            marked.append(HtmlUtils.htmlEscape(text.substring(at, match[0])))
                    .append("<mark>").append(HtmlUtils.htmlEscape(text.substring(match[0], match[1]))).append("</mark>");
            at = match[1];
        }
        marked.append(HtmlUtils.htmlEscape(text.substring(at, end))).append(suffix);

        return new Passage(new Citation(citedId(chunk.sourceId(), chunk.organizationId()), chunk.title(), chunk.sectionAnchor(), plain), chunk.section(),
                text, marked.toString().strip(), chunk.sourceType(), chunk.track(), chunk.skills(), hit.score());
    }

    /**
     * The id a private curriculum item is indexed under: two organizations may both have a lesson
     * "onboarding", so the organization prefixes it. Public items keep their content id.
     */
    static String indexedId(String contentId, java.util.UUID organizationId) {
        return organizationId == null ? contentId : organizationId + "/" + contentId;
    }

    /** The content id a citation links to: {@link #indexedId} without the organization. */
    static String citedId(String indexedId, java.util.UUID organizationId) {
        String prefix = organizationId + "/";
        return organizationId != null && indexedId.startsWith(prefix) ? indexedId.substring(prefix.length()) : indexedId;
    }

    private static int wordStart(String text, int from) {
        int i = from;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && i - from < 40) {
            i++;
        }
        return i;
    }
}
