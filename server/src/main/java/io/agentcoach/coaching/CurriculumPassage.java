package io.agentcoach.coaching;

/**
 * A piece of the curriculum retrieved for a question, with what a client needs to link to it.
 *
 * @param title the lesson's title
 * @param section the section heading the text comes from (empty for a lesson's introduction)
 * @param path the lesson file, relative to the content directory
 * @param anchor the section's anchor within the lesson page
 * @param text the passage
 * @param score how well it matches the question; higher is better, only comparable within one search
 */
public record CurriculumPassage(String title, String section, String path, String anchor, String text, double score) {

    /** How an answer cites this passage. */
    public String citation() {
        return section.isEmpty() ? title + " (" + path + ")" : title + " — " + section + " (" + path + "#" + anchor + ")";
    }
}
