package io.agentcoach.coaching.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.agentcoach.coaching.ExerciseFixtures;
import io.agentcoach.coaching.guardrails.GuardContext;
import io.agentcoach.coaching.guardrails.GuardContext.ExerciseContext;
import io.agentcoach.coaching.guardrails.GuardContext.Source;
import io.agentcoach.coaching.guardrails.GuardrailSettings;
import io.agentcoach.coaching.guardrails.Guardrails;
import io.agentcoach.coaching.guardrails.Redactions;
import org.junit.jupiter.api.Test;

/** What the learner sees while a model streams: prose at once, code blocks once checked, placeholders restored. */
class GuardedAnswerStreamTests {

    static final String SOLUTION = ExerciseFixtures.AGENT_LOOP_SOLUTION;

    final Guardrails guardrails = new Guardrails(GuardrailSettings.defaults());
    final List<String> out = new ArrayList<>();

    @Test
    void withholdsANearCopyOfTheSolutionStreamedInPiecesAndLetsProseStreamAtOnce() {
        GuardedAnswerStream stream = new GuardedAnswerStream(guardrails, unsolved(new Redactions()), out::add);
        String answer = "Think about when the loop should stop. Here is one way:\n```python\n"
                + SOLUTION.replace("max_steps", "limit") + "```\nDoes that help?";
        for (int i = 0; i < answer.length(); i += 7) {
            stream.accept(answer.substring(i, Math.min(answer.length(), i + 7)));
        }
        assertThat(out.getFirst()).isEqualTo("Think a");

        GuardedAnswerStream.Result result = stream.finish();

        String shown = String.join("", out);
        assertThat(shown).isEqualTo(result.text()).startsWith("Think about when the loop should stop.")
                .contains("**Code withheld:**").endsWith("Does that help?").doesNotContain("reply.tool_calls");
    }

    @Test
    void letsThroughCodeThatIsNotTheSolution() {
        GuardedAnswerStream stream = new GuardedAnswerStream(guardrails, unsolved(new Redactions()), out::add);
        String hint = "Count the steps:\n```python\nsteps = 0\nwhile steps < 3:\n    steps += 1\n```\nand the import "
                + "`from tools import search` is fine.";
        stream.accept(hint);

        assertThat(stream.finish().text()).isEqualTo(hint);
        assertThat(String.join("", out)).isEqualTo(hint);
    }

    @Test
    void putsTheLearnersRedactedValuesBackEvenWhenAPlaceholderArrivesInPieces() {
        Redactions redactions = new Redactions();
        GuardContext context = unsolved(redactions);
        String redacted = guardrails.historyPipeline().run("mail ada@example.org", context).textOr("");
        assertThat(redacted).isEqualTo("mail [EMAIL_1]");
        GuardedAnswerStream stream = new GuardedAnswerStream(guardrails, context, out::add);

        for (String piece : List.of("I will write to [EM", "AIL_", "1] today.")) {
            stream.accept(piece);
        }
        stream.finish();

        assertThat(String.join("", out)).isEqualTo("I will write to ada@example.org today.");
        assertThat(out).noneMatch(piece -> piece.contains("[EM"));
    }

    private static GuardContext unsolved(Redactions redactions) {
        return new GuardContext(Source.MODEL_ANSWER, true, true, new ExerciseContext("loop-01", false, SOLUTION), false,
                "You are AgentCoach.", redactions);
    }
}
