package io.agentcoach.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.agentcoach.knowledge.SourceType;
import org.junit.jupiter.api.Test;

class MarkdownChunkerTests {

    private final MarkdownChunker chunker = new MarkdownChunker(20);

    static SourceText lesson(String markdown) {
        return new SourceText("lessons/tools", "Tool calling", null, SourceType.LESSON, "agents", List.of("tools"), markdown);
    }

    @Test
    void cutsAlongHeadingsWithGitHubAnchors() {
        List<Chunk> chunks = chunker.chunk(lesson("""
                ---
                title: Tool calling
                skills: [tools]
                ---
                Intro before any heading.

                # What is a tool?
                A function the model may call.

                ## Schemas & "JSON" (v2)
                Describe arguments with a schema.
                """));

        assertThat(chunks).extracting(Chunk::section, Chunk::sectionAnchor, Chunk::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, null, "Intro before any heading."),
                org.assertj.core.groups.Tuple.tuple("What is a tool?", "what-is-a-tool", "A function the model may call."),
                org.assertj.core.groups.Tuple.tuple("Schemas & \"JSON\" (v2)", "schemas--json-v2", "Describe arguments with a schema."));
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.sourceId()).isEqualTo("lessons/tools");
            assertThat(c.track()).isEqualTo("agents");
            assertThat(c.organizationId()).isNull();
        });
        assertThat(chunks).extracting(Chunk::ordinal).containsExactly(0, 1, 2);
    }

    @Test
    void numbersRepeatedHeadingsAsGitHubDoes() {
        List<Chunk> chunks = chunker.chunk(lesson("## Example\none\n## Example\ntwo\n## Example\nthree\n"));

        assertThat(chunks).extracting(Chunk::sectionAnchor).containsExactly("example", "example-1", "example-2");
    }

    @Test
    void headingsInsideCodeFencesAreText() {
        List<Chunk> chunks = chunker.chunk(lesson("# Setup\n```bash\n# install the SDK\npip install x\n```\n"));

        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().text()).contains("# install the SDK");
        assertThat(chunks.getFirst().sectionAnchor()).isEqualTo("setup");
    }

    @Test
    void longSectionsAreSplitAtParagraphsAndKeepTheirAnchor() {
        String paragraph = "word ".repeat(15).strip();
        List<Chunk> chunks = chunker.chunk(lesson("# Long\n" + paragraph + "\n\n" + paragraph + "\n\n" + "x ".repeat(50)));

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(4);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.sectionAnchor()).isEqualTo("long");
            assertThat(c.text().split("\\s+")).hasSizeLessThanOrEqualTo(20);
        });
    }

    @Test
    void organizationDocumentsCarryTheirOrganization() {
        UUID org = UUID.randomUUID();
        List<Chunk> chunks = chunker.chunk(new SourceText("d1", "Runbook", org, SourceType.DOCUMENT, null, List.of(), "Plain text."));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.organizationId()).isEqualTo(org);
            assertThat(c.sourceType()).isEqualTo(SourceType.DOCUMENT);
        });
    }

    @Test
    void emptySourcesGiveNoChunks() {
        assertThat(chunker.chunk(lesson("# Only a heading\n\n"))).isEmpty();
    }
}
