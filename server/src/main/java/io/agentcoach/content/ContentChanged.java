package io.agentcoach.content;

import java.util.Set;
import java.util.UUID;

/**
 * Published when curriculum content was loaded or changed, so search and mastery can follow.
 *
 * @param version the content version now served
 * @param organizationId the organization whose private content changed, or null for the shipped curriculum
 * @param lessonIds lessons added or changed
 * @param exerciseIds exercises added or changed
 * @param removedIds lessons or exercises removed
 */
public record ContentChanged(String version, UUID organizationId, Set<String> lessonIds, Set<String> exerciseIds,
        Set<String> removedIds) {
}
