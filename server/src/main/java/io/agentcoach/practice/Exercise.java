package io.agentcoach.practice;

import java.util.Set;
import java.util.UUID;

/**
 * An exercise as practice needs it.
 *
 * @param id stable id, e.g. {@code add-numbers}
 * @param organizationId the organization that owns a private exercise; null for a public one
 * @param runtime the sandbox runtime, e.g. {@code python3}
 * @param starterCode what a new attempt's draft starts with
 * @param publicTests tests shown to the learner ({@code tests_public.py})
 * @param hiddenTests tests only used when grading a submission ({@code tests_hidden.py})
 * @param skills the skills a graded submission is evidence for
 */
public record Exercise(String id, UUID organizationId, String runtime, String starterCode, String publicTests,
        String hiddenTests, Set<String> skills) {

    public Exercise {
        skills = Set.copyOf(skills);
    }

    /** Whether a member of {@code organization} may see and solve it. */
    public boolean visibleTo(UUID organization) {
        return organizationId == null || organizationId.equals(organization);
    }
}
