package io.agentcoach.coaching.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CoachQuestion.Turn;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.LearnerContext;
import org.junit.jupiter.api.Test;

/** Recent turns verbatim within the budget, older ones folded into a stored summary that is reused. */
class ConversationMemoryTests {

    /** Summaries kept in memory, as the sessions table keeps them. */
    static final class StoredSummaries implements ConversationSummaries {
        final Map<UUID, Summary> stored = new HashMap<>();

        @Override
        public Optional<Summary> find(UUID organizationId, UUID sessionId) {
            return Optional.ofNullable(stored.get(sessionId));
        }

        @Override
        public void save(UUID organizationId, UUID sessionId, String text, int through) {
            stored.put(sessionId, new Summary(text, through));
        }
    }

    final StoredSummaries summaries = new StoredSummaries();
    final ConversationMemory memory = new ConversationMemory(summaries,
            new CoachingSettings.Context(200, 25, "big-model=1000000,tiny-model=1000", 8192));
    final UUID session = UUID.randomUUID();

    static List<Turn> turns(int count) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean learner = i % 2 == 1;
            turns.add(new Turn(i, learner, (learner ? "Question " : "Answer ") + i + ". " + "More words here. ".repeat(10)));
        }
        return turns;
    }

    CoachQuestion question(List<Turn> history) {
        return new CoachQuestion(UUID.randomUUID(), UUID.randomUUID(), session, "Next question?", LearnerContext.NONE,
                history);
    }

    @Test
    void theBudgetFollowsTheChosenModelsWindow() {
        assertThat(memory.budgetFor("big-model")).isEqualTo(200);
        assertThat(memory.budgetFor("tiny-model")).isEqualTo(200);
        assertThat(new ConversationMemory(summaries, new CoachingSettings.Context(4000, 25, "tiny-model=1000", 8192))
                .budgetFor("tiny-model")).isEqualTo(250);
        assertThat(memory.budgetFor(null)).isEqualTo(200);
    }

    @Test
    void recentTurnsGoVerbatimAndOlderOnesAreSummarisedAndStored() {
        ConversationMemory.Prepared prepared = memory.prepare(question(turns(8)), 200, null);

        assertThat(prepared.verbatim()).isNotEmpty();
        assertThat(prepared.verbatim().getLast().position()).isEqualTo(8);
        int firstVerbatim = prepared.verbatim().getFirst().position();
        assertThat(firstVerbatim).isGreaterThan(1);
        int used = prepared.verbatim().stream().mapToInt(t -> TokenEstimate.ofMessage(t.text())).sum();
        assertThat(used).isLessThanOrEqualTo(200);
        assertThat(prepared.summarisedBy()).isEqualTo("extractive");
        assertThat(prepared.summary()).startsWith("Earlier in this conversation:")
                .contains("- The learner asked: Question 1.").contains("- The coach answered: Answer 2.");
        assertThat(summaries.stored.get(session).through()).isEqualTo(firstVerbatim - 1);
    }

    @Test
    void aStoredSummaryIsReusedAndOnlyTheTurnsThatLeftTheWindowSinceAreFolded() {
        memory.prepare(question(turns(8)), 200, null);
        int through = summaries.stored.get(session).through();
        List<List<Turn>> folded = new ArrayList<>();

        ConversationMemory.Prepared later = memory.prepare(question(turns(10)), 200, (previous, turns) -> {
            folded.add(turns);
            assertThat(previous).contains("Question 1.");
            return previous + "\n- model summary of " + turns.size() + " turns";
        });

        assertThat(folded).singleElement().satisfies(turns -> {
            assertThat(turns.getFirst().position()).isEqualTo(through + 1);
            assertThat(turns).allSatisfy(t -> assertThat(t.position()).isGreaterThan(through));
        });
        assertThat(later.summarisedBy()).isEqualTo("model");
        assertThat(later.summary()).endsWith("turns");
        assertThat(summaries.stored.get(session).text()).isEqualTo(later.summary());
    }

    @Test
    void withNothingNewToFoldTheStoredSummaryIsSentAsItIs() {
        memory.prepare(question(turns(8)), 200, null);
        String stored = summaries.stored.get(session).text();

        ConversationMemory.Prepared again = memory.prepare(question(turns(8)), 200, (p, t) -> {
            throw new AssertionError("nothing to summarise");
        });

        assertThat(again.summary()).isEqualTo(stored);
        assertThat(again.summarisedBy()).isEmpty();
    }

    @Test
    void aFailingModelSummaryFallsBackToTheExtractiveOne() {
        ConversationMemory.Prepared prepared = memory.prepare(question(turns(8)), 200, (p, t) -> {
            throw new IllegalStateException("provider down");
        });

        assertThat(prepared.summarisedBy()).isEqualTo("extractive");
        assertThat(prepared.summary()).contains("Question 1.");
    }

    @Test
    void aShortConversationIsSentWhole() {
        ConversationMemory.Prepared prepared = memory.prepare(question(turns(2)), 4000, null);

        assertThat(prepared.verbatim()).hasSize(2);
        assertThat(prepared.summary()).isEmpty();
        assertThat(summaries.stored).isEmpty();
    }

    @Test
    void theExtractiveSummaryKeepsWhatWasSaidAndSkipsLabelsAndCode() {
        String summary = ExtractiveSummary.summarise("", List.of(
                new Turn(1, true, "How do I retry a failed tool call? I tried a loop."),
                new Turn(2, false, "**Offline coach** (no AI model was used)\n\n### From the curriculum\n"
                        + "```python\nfor i in range(3): pass\n```\nWrap the call in a bounded retry. Then log it.")));

        assertThat(summary).isEqualTo("""
                Earlier in this conversation:
                - The learner asked: How do I retry a failed tool call?
                - The coach answered: Wrap the call in a bounded retry.""");
    }
}
