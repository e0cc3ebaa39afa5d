package io.agentcoach.coaching;

import java.util.List;

/**
 * Where the coach finds curriculum passages to ground an answer in. The coaching module ships a
 * search over the content directory's Markdown; a better search (knowledge) replaces it by
 * declaring a bean of this type.
 */
public interface GroundingSource {

    /** At most {@code limit} passages relevant to {@code query}, best first; empty when nothing matches. */
    List<CurriculumPassage> search(String query, int limit);
}
