package io.agentcoach.mastery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A learner's placement as they see it: never the answers.
 *
 * @param id the placement
 * @param status in progress, finished, or skipped (the learner starts from zero)
 * @param asked questions answered so far
 * @param maxItems the most questions it asks
 * @param question the question to answer now; null unless in progress
 * @param estimates the placement's mastery estimate per skill it covers, 0 to 1
 * @param startedAt when it started
 * @param finishedAt when it finished or was skipped; null while in progress
 */
public record PlacementState(UUID id, Status status, int asked, int maxItems, Question question,
        Map<String, Double> estimates, Instant startedAt, Instant finishedAt) {

    public PlacementState {
        estimates = Map.copyOf(estimates);
    }

    public enum Status { IN_PROGRESS, FINISHED, SKIPPED }

    /**
     * A check question without its answer.
     *
     * @param itemId {@code <lesson id>/<check id>}, to send back with the answer
     * @param skillId the skill it tells about
     * @param type {@code choice} (answer with the option's index) or {@code short} (answer with text)
     * @param prompt the question
     * @param options the choices, empty for a short answer
     */
    public record Question(String itemId, String skillId, String type, String prompt, List<String> options) {
        public Question {
            options = List.copyOf(options);
        }
    }
}
