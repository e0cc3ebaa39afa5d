package io.agentcoach.knowledge;

/**
 * Where a passage comes from, precise enough for the web app to link to the exact place.
 *
 * @param sourceId the lesson, exercise or document id
 * @param title the source's title
 * @param sectionAnchor GitHub-style slug of the section heading, or {@code null} for text before the first heading
 * @param snippet a short plain-text excerpt of the passage around the query's terms
 */
public record Citation(String sourceId, String title, String sectionAnchor, String snippet) {
}
