package io.agentcoach.coaching.grounding;

import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.content.Curriculum;
import io.agentcoach.content.ExerciseBundle;
import org.springframework.stereotype.Component;

/** Reference solutions from the content module's grading bundles, including organization-private exercises. */
@Component
class ContentReferenceSolutions implements ReferenceSolutions {

    private final Curriculum curriculum;

    ContentReferenceSolutions(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    @Override
    public Optional<String> reference(UUID organizationId, String exerciseId) {
        if (exerciseId == null || exerciseId.isBlank()) {
            return Optional.empty();
        }
        return curriculum.gradingBundle(exerciseId, organizationId).map(ExerciseBundle::referenceSolution)
                .filter(solution -> solution != null && !solution.isBlank());
    }
}
