package io.agentcoach.coaching.crew;

/**
 * What a crew reports while it works, for a client that follows it (server-sent events): which
 * agent works, the coach's draft once written, the mentor's version once reviewed. Texts are as
 * the learner may see them (redactions restored, answer guardrails passed). A crew whose models
 * fail part-way starts again offline, so a follower may see an agent work twice.
 */
public interface CrewProgress {

    /** Follows nothing. */
    CrewProgress NONE = new CrewProgress() {
    };

    /** An agent starts: {@code coach} drafts, then {@code mentor} reviews; {@code offline} for the offline crew. */
    default void working(String agent, boolean offline) {
    }

    /** The coach's draft. */
    default void drafted(String text) {
    }

    /** The mentor's corrected version: the plan or review the learner gets. */
    default void reviewed(String text) {
    }
}
