package io.agentcoach.mastery.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.tracing.BayesianKnowledgeTracing;
import io.agentcoach.mastery.tracing.Vocabulary;
import org.junit.jupiter.api.Test;

class PlacementTests {

    /** Three skills with six check questions each. */
    static List<Curriculum.Activity> questions() {
        List<Curriculum.Activity> items = new ArrayList<>();
        for (String skill : List.of("prompting", "tool-calling", "rag")) {
            for (int i = 0; i < 6; i++) {
                items.add(new Curriculum.Activity(skill + "-q" + i, "Question", "check", List.of(skill), 1));
            }
        }
        return items;
    }

    Placement placement() {
        Vocabulary skills = new Vocabulary();
        return new Placement(questions(), Set.of("prompting", "tool-calling", "rag"),
                BayesianKnowledgeTracing.unfitted().newLearner(), id -> -1, skills::id);
    }

    @Test
    void aLearnerWhoKnowsTwoSkillsIsPlacedConfidentlyWithinFifteenItems() {
        Placement placement = placement();
        Set<String> known = Set.of("prompting", "rag");
        Optional<Curriculum.Activity> next;
        while ((next = placement.next()).isPresent()) {
            Curriculum.Activity item = next.get();
            placement.answer(item, known.contains(item.skillIds().getFirst()));
        }
        assertThat(placement.asked()).isLessThanOrEqualTo(Placement.MAX_ITEMS).isGreaterThanOrEqualTo(3);
        assertThat(placement.mastery("prompting")).isGreaterThanOrEqualTo(PathPlanner.MASTERED);
        assertThat(placement.mastery("rag")).isGreaterThanOrEqualTo(PathPlanner.MASTERED);
        assertThat(placement.mastery("tool-calling")).isLessThanOrEqualTo(Placement.CONFIDENT_LOW);
    }

    @Test
    void aLearnerWhoAnswersAtRandomStopsAfterFifteenItemsAtMost() {
        Placement placement = placement();
        boolean correct = true;
        Optional<Curriculum.Activity> next;
        while ((next = placement.next()).isPresent()) {
            placement.answer(next.get(), correct);
            correct = !correct;
        }
        assertThat(placement.asked()).isLessThanOrEqualTo(Placement.MAX_ITEMS);
        assertThat(placement.done()).isTrue();
    }

    @Test
    void answeringTheSameItemTwiceCountsOnce() {
        Placement placement = placement();
        Curriculum.Activity first = placement.next().orElseThrow();
        placement.answer(first, true);
        double after = placement.mastery(first.skillIds().getFirst());
        placement.answer(first, true);
        assertThat(placement.asked()).isEqualTo(1);
        assertThat(placement.mastery(first.skillIds().getFirst())).isEqualTo(after);
        assertThat(placement.next()).get().isNotEqualTo(first);
    }
}
