package io.agentcoach.coaching.grounding;

import java.util.List;
import java.util.UUID;

import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.knowledge.KnowledgeSearch;
import io.agentcoach.knowledge.Passage;
import io.agentcoach.knowledge.RetrievalFilter;
import org.springframework.stereotype.Component;

/** Grounding through the knowledge module's hybrid search, limited to what the learner's organization may see. */
@Component
class KnowledgeGroundingSource implements GroundingSource {

    private final KnowledgeSearch search;

    KnowledgeGroundingSource(KnowledgeSearch search) {
        this.search = search;
    }

    @Override
    public List<CurriculumPassage> search(UUID organizationId, String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        int bounded = Math.clamp(limit, 1, RetrievalFilter.MAX_LIMIT);
        return search.retrieve(query, RetrievalFilter.forOrganization(organizationId, bounded)).stream()
                .map(KnowledgeGroundingSource::passage).toList();
    }

    private static CurriculumPassage passage(Passage passage) {
        return new CurriculumPassage(passage.citation().sourceId(), passage.citation().title(), passage.section(),
                passage.citation().sectionAnchor(), passage.text(), passage.score());
    }
}
