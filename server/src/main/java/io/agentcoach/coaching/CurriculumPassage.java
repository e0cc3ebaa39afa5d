package io.agentcoach.coaching;

/**
 * A piece of the curriculum (or of the organization's documents) retrieved for a question, with
 * what a client needs to link to it.
 *
 * @param sourceId the lesson, exercise or document id
 * @param title the source's title
 * @param section the section heading the text comes from (empty before the first heading)
 * @param sectionAnchor the section's anchor within the source's page (empty before the first heading)
 * @param text the passage
 * @param score how well it matches the question; higher is better, only comparable within one search
 */
public record CurriculumPassage(String sourceId, String title, String section, String sectionAnchor, String text,
        double score) {

    public CurriculumPassage {
        section = section == null ? "" : section;
        sectionAnchor = sectionAnchor == null ? "" : sectionAnchor;
    }

    /** How an answer cites this passage. */
    public String citation() {
        return section.isEmpty() ? title + " (" + sourceId + ")"
                : title + " — " + section + " (" + sourceId + (sectionAnchor.isEmpty() ? "" : "#" + sectionAnchor) + ")";
    }
}
