package io.agentcoach.coaching.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.LearnerContext;
import io.agentcoach.coaching.LearnerContext.TestFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline coach and the Markdown curriculum search it answers from. */
class OfflineCoachTests {

    @TempDir
    Path content;

    final OfflineCoach coach = new OfflineCoach();

    @Test
    void findsTheMatchingSectionOfALessonAndCitesIt() throws IOException {
        lesson("rag/lessons/chunking.md", "Chunking documents", """
                Retrieval starts with documents.

                ## Chunk size

                Chunks of 200 to 500 tokens keep retrieval precise. Overlap chunks by a sentence.

                ## Embeddings

                An embedding model turns each chunk into a vector.
                """);
        lesson("agents/lessons/loop.md", "The agent loop", "## Stopping\n\nStop the loop after a bounded number of steps.\n");
        var search = new MarkdownGroundingSource(content);

        List<CurriculumPassage> hits = search.search("How big should my chunks be?", 3);

        assertThat(hits.getFirst().section()).isEqualTo("Chunk size");
        assertThat(hits.getFirst().citation()).isEqualTo("Chunking documents — Chunk size (rag/lessons/chunking.md#chunk-size)");
        assertThat(hits).extracting(CurriculumPassage::path).doesNotContain("agents/lessons/loop.md");
        assertThat(search.search("the and what", 3)).isEmpty();
    }

    @Test
    void answersFromFailuresPassagesAndPathInOrderStreamedInChunks() throws IOException {
        lesson("agents/lessons/loop.md", "The agent loop", "## Stopping\n\nStop the loop after a bounded number of "
                + "steps. Otherwise a confused agent runs forever. Count steps in the loop state.\n");
        var passages = new MarkdownGroundingSource(content).search("Why does my agent loop never stop?", 2);
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
                .contains("[1] The agent loop — Stopping (agents/lessons/loop.md#stopping)")
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

    private void lesson(String path, String title, String body) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: \"" + title + "\"\nskills: [x]\n---\n# " + title + "\n\n" + body);
    }
}
