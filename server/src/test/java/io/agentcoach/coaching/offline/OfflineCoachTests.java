package io.agentcoach.coaching.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.LearnerContext;
import io.agentcoach.coaching.LearnerContext.TestFailure;
import org.junit.jupiter.api.Test;

/** The offline coach: labelled, cited answers from passages, test results and the path. */
class OfflineCoachTests {

    final OfflineCoach coach = new OfflineCoach();

    @Test
    void answersFromFailuresPassagesAndPathInOrderStreamedInChunks() {
        var passages = List.of(new CurriculumPassage("agents-loop", "The agent loop", "Stopping", "stopping",
                "Stop the loop after a bounded number of steps. Otherwise a confused agent runs forever. "
                        + "Count steps in the loop state.", 3.2));
        var question = new CoachQuestion(UUID.randomUUID(), UUID.randomUUID(), null,
                "Why does my agent loop never stop?", new LearnerContext("loop-01",
                        List.of(new TestFailure("test_stops_after_ten_steps", "10", "timeout", "loop did not end")),
                        List.of("Redo exercise loop-01", "Read: Tool calling")));
        List<String> chunks = new ArrayList<>();

        String answer = coach.answer(question, passages, false, chunks::add);

        assertThat(String.join("", chunks)).isEqualTo(answer);
        assertThat(chunks.size()).isGreaterThan(10);
        assertThat(answer).startsWith("**Offline coach**")
                .contains("- `test_stops_after_ten_steps` failed: it expected `10` but got `timeout`. "
                        + "The message was: `loop did not end`.")
                .contains("Stop the loop after a bounded number of steps. Otherwise a confused agent runs forever. "
                        + "Count steps in the loop state. [1]")
                .contains("[1] The agent loop — Stopping (agents-loop#stopping)")
                .contains("### What to do next\n- Redo exercise loop-01\n- Read: Tool calling");
        assertThat(answer.indexOf("Your latest test run")).isLessThan(answer.indexOf("From the curriculum"));
        assertThat(coach.answer(question, passages, false, token -> { })).isEqualTo(answer);
    }

    @Test
    void saysSoWhenTheCurriculumHasNothing() {
        var question = new CoachQuestion(UUID.randomUUID(), UUID.randomUUID(), null, "What is quantum chromodynamics?",
                LearnerContext.NONE);

        String answer = coach.answer(question, List.of(), false, token -> { });

        assertThat(answer).contains("**Offline coach**").contains("I found nothing in the curriculum about this");
    }
}
