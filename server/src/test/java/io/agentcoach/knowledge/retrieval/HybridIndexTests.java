package io.agentcoach.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridIndexTests {

    private static final UUID ACME = UUID.randomUUID();
    private static final UUID GLOBEX = UUID.randomUUID();
    private static final String SECRET = "Acme rotates the orchestrator signing key every ninety days via the vault ritual.";

    @TempDir
    Path dir;

    private final MarkdownChunker chunker = new MarkdownChunker(150);
    private final System.Logger log = System.getLogger("test");

    private void indexFixtures(HybridIndex index) throws Exception {
        Map<SourceText, List<Chunk>> sources = new LinkedHashMap<>();
        for (SourceText source : List.of(
                new SourceText("agents/tools", "Tool calling", null, SourceType.LESSON, "agents", List.of("tools"),
                        "# Schemas\nA tool is described by a JSON schema of its arguments.\n# Errors\nReturn tool errors to the model."),
                new SourceText("rag/chunking", "Chunking", null, SourceType.LESSON, "rag", List.of("retrieval"),
                        "# Why chunk\nSplit documents into passages before embedding them."),
                new SourceText("acme-runbook", "Key rotation", ACME, SourceType.DOCUMENT, null, List.of(), SECRET))) {
            sources.put(source, chunker.chunk(source));
        }
        index.replace(sources);
        index.commit();
    }

    @Test
    void anotherOrganizationNeverSeesAPrivateDocument() throws Exception {
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            indexFixtures(index);
            for (SearchMode mode : SearchMode.values()) {
                assertThat(index.search(SECRET, RetrievalFilter.forOrganization(GLOBEX, 10), mode, 10, null))
                        .extracting(h -> h.chunk().sourceId()).doesNotContain("acme-runbook");
                assertThat(index.search(SECRET, RetrievalFilter.forOrganization(null, 10), mode, 10, null))
                        .extracting(h -> h.chunk().sourceId()).doesNotContain("acme-runbook");
                assertThat(index.search(SECRET, RetrievalFilter.forOrganization(ACME, 10), mode, 10, null))
                        .first().extracting(h -> h.chunk().sourceId()).isEqualTo("acme-runbook");
            }
        }
    }

    @Test
    void filtersByTrackSkillAndType() throws Exception {
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            indexFixtures(index);
            assertThat(index.search("tool schema", new RetrievalFilter(ACME, "rag", null, null, 10), SearchMode.HYBRID, 10, null))
                    .extracting(h -> h.chunk().track()).containsOnly("rag");
            assertThat(index.search("tool schema", new RetrievalFilter(ACME, null, "tools", null, 10), SearchMode.HYBRID, 10, null))
                    .extracting(h -> h.chunk().sourceId()).containsOnly("agents/tools");
            assertThat(index.search("key", new RetrievalFilter(ACME, null, null, SourceType.DOCUMENT, 10), SearchMode.HYBRID, 10, null))
                    .extracting(h -> h.chunk().sourceId()).containsOnly("acme-runbook");
        }
    }

    @Test
    void querySyntaxIsTextAndHugeQueriesAreTruncated() throws Exception {
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            indexFixtures(index);
            RetrievalFilter filter = RetrievalFilter.forOrganization(null, 5);
            assertThat(index.search("schema:(\"tool\" AND [x TO y]) ~2 ^3 \\ / +errors -*", filter, SearchMode.HYBRID, 5, null))
                    .extracting(h -> h.chunk().sourceId()).contains("agents/tools");
            assertThat(index.search("??? *** !!!", filter, SearchMode.LEXICAL, 5, null)).isEmpty();
            assertThat(index.search("chunk documents ".repeat(700), filter, SearchMode.HYBRID, 5, null))
                    .first().extracting(h -> h.chunk().sourceId()).isEqualTo("rag/chunking");
        }
    }

    @Test
    void citesTheSectionOfTheAnswer() throws Exception {
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            indexFixtures(index);
            Hit best = index.search("what to do when a tool fails with an error", RetrievalFilter.forOrganization(null, 3),
                    SearchMode.HYBRID, 3, null).getFirst();
            assertThat(best.chunk().sourceId()).isEqualTo("agents/tools");
            assertThat(best.chunk().sectionAnchor()).isEqualTo("errors");
        }
    }

    @Test
    void keepsVersionsAcrossReopeningAndForgetsDeletedSources() throws Exception {
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            indexFixtures(index);
            index.delete("rag/chunking");
            index.commit();
        }
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            assertThat(index.versions()).containsOnlyKeys("agents/tools", "acme-runbook");
            assertThat(index.size()).isEqualTo(3);
        }
    }

    @Test
    void aCorruptIndexIsRecreatedEmpty() throws Exception {
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            indexFixtures(index);
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        try (HybridIndex index = HybridIndex.openOrRecreate(dir, TestEmbedder.get(), log)) {
            assertThat(index.size()).isZero();
            indexFixtures(index);
            assertThat(index.size()).isEqualTo(4);
        }
    }
}
