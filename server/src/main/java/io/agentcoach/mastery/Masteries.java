package io.agentcoach.mastery;

import java.util.List;
import java.util.UUID;

/** Learners' per-skill mastery, updated online from their answers. */
public interface Masteries {

    /**
     * Takes one answer into account: updates the learner's mastery of the answer's skills, records
     * history and the seed's proficiency, and publishes {@link MasteryChanged}. Idempotent by
     * attempt id; an answer older than ones already recorded is put in its place and the learner's
     * estimates are recomputed in answer order. Throws a 422 problem for an answer that names no
     * skill or has no id or time.
     */
    Recorded record(AttemptObserved attempt);

    /**
     * Records that the learner was shown a hint. It lowers the credit of their right answers on the
     * item given after it; should such an answer be recorded already (the hint arrived late), the
     * learner's estimates and history are recomputed and {@link MasteryChanged} is published.
     * Idempotent by organization, learner, item and hint number. Returns whether it was new.
     * Throws a 422 problem for a hint without item, learner, time or a number of at least 1.
     */
    boolean recordHint(HintUsed hint);

    /** Credit of an answer (0 to 1) given after {@code hints} distinct hints of its item were shown. */
    static double creditOf(boolean correct, int hints) {
        return correct ? 1.0 / (1 + Math.max(0, hints)) : 0;
    }

    /** The learner's current estimates, one per skill they have practised, by skill id. */
    List<SkillMastery> of(UUID organizationId, UUID userId);

    /** The history of one skill's estimate, oldest first. */
    List<MasteryPoint> history(UUID organizationId, UUID userId, String skillId);

    /** What {@link #record} did. */
    sealed interface Recorded {
        /** The answer was new; these are the estimates it wrote. */
        record Updated(List<SkillMastery> skills, boolean replayed) implements Recorded {
            public Updated {
                skills = List.copyOf(skills);
            }
        }

        /** The answer had been recorded before; nothing changed. */
        record Duplicate(String attemptId) implements Recorded {
        }
    }
}
