package io.agentcoach.mastery;

import java.util.Optional;
import java.util.UUID;

/**
 * Adaptive placement over the lessons' check questions: each answer is graded, recorded as an
 * {@link AttemptObserved} (so it sets the learner's estimates) and chooses the next question; it
 * ends after at most 15 questions or once every estimate is confident. A learner may skip it and
 * start from zero, and retake it once it has ended.
 */
public interface Placements {

    /**
     * Starts a placement for the learner, or with {@code skip} records that they start from zero.
     * While one is in progress, returns that one instead and starts nothing.
     */
    Started start(UUID organizationId, UUID userId, boolean skip);

    /** The learner's latest placement, if they ever started one. */
    Optional<PlacementState> latest(UUID organizationId, UUID userId);

    /**
     * Answers the current question of the learner's placement in progress. Answering a question
     * already answered in it changes nothing (a retried request). Throws a 409 problem when no
     * placement is in progress or {@code itemId} is not its current question.
     */
    PlacementState answer(UUID organizationId, UUID userId, String itemId, String answer);

    /** What {@link #start} did: {@code created} is false when a placement in progress was returned. */
    record Started(PlacementState placement, boolean created) {
    }
}
