package io.agentcoach.mastery;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner was shown a hint of an item (an exercise). A right answer on the item afterwards
 * counts for less: with {@code h} distinct hints of the item shown before it, its credit is
 * {@code 1 / (1 + h)} of an unaided right answer (see {@link Masteries#creditOf}).
 *
 * @param organizationId the tenant
 * @param userId the learner
 * @param itemId the item whose hint was shown
 * @param number which hint, from 1; showing the same hint again changes nothing
 * @param revealedAt when it was shown
 */
public record HintUsed(UUID organizationId, UUID userId, String itemId, int number, Instant revealedAt) {
}
