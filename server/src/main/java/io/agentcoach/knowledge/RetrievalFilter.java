package io.agentcoach.knowledge;

import java.util.UUID;

/**
 * What a retrieval may return. The organization is always part of the query: a filter sees the
 * public curriculum plus the documents of {@code organizationId} only.
 *
 * @param organizationId the caller's organization, or {@code null} to see the public curriculum only
 * @param track only this track, or {@code null} for all
 * @param skill only sources teaching this skill, or {@code null} for all
 * @param sourceType only this kind of source, or {@code null} for all
 * @param limit how many passages at most (1 to 100)
 */
public record RetrievalFilter(UUID organizationId, String track, String skill, SourceType sourceType, int limit) {

    public static final int MAX_LIMIT = 100;

    public RetrievalFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        track = blankToNull(track);
        skill = blankToNull(skill);
    }

    /** Public curriculum and the given organization's documents, no other restriction. */
    public static RetrievalFilter forOrganization(UUID organizationId, int limit) {
        return new RetrievalFilter(organizationId, null, null, null, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
