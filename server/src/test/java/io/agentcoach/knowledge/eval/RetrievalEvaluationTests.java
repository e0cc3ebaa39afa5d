package io.agentcoach.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.agentcoach.knowledge.retrieval.SearchMode;
import io.agentcoach.knowledge.retrieval.TestEmbedder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RetrievalEvaluationTests {

    @TempDir
    Path dir;

    /** A tiny BEIR-layout set: five documents, three judged test queries, one train-only query. */
    @BeforeEach
    void writeTinyBeirSet() throws Exception {
        Files.writeString(dir.resolve("corpus.jsonl"), """
                {"_id":"d1","title":"Photosynthesis","text":"Plants convert sunlight, water and carbon dioxide into glucose and oxygen."}
                {"_id":"d2","title":"Volcanoes","text":"Magma rises through the crust and erupts as lava, ash and volcanic gas."}
                {"_id":"d3","title":"Vaccines","text":"A vaccine trains the immune system to recognise a pathogen without causing disease."}
                {"_id":"d4","title":"Tides","text":"The gravitational pull of the moon raises ocean tides twice a day."}
                {"_id":"d5","title":"Antibiotics","text":"Antibiotics kill bacteria or stop their growth; they do not work against viruses."}
                """);
        Files.writeString(dir.resolve("queries.jsonl"), """
                {"_id":"q1","text":"how do plants make oxygen from sunlight"}
                {"_id":"q2","text":"why does the moon cause tides"}
                {"_id":"q3","text":"immunisation teaches the body to fight germs"}
                {"_id":"q4","text":"lava"}
                """);
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td4\t1\nq3\td3\t1\n");
        Files.writeString(dir.resolve("qrels/train.tsv"), "query-id\tcorpus-id\tscore\nq4\td2\t1\n");
    }

    @Test
    void loadsOnlyJudgedQueriesOfTheSplit() throws Exception {
        BeirDataset test = BeirDataset.load(dir, "test");
        BeirDataset train = BeirDataset.load(dir, "train");

        assertThat(test.corpus()).hasSize(5);
        assertThat(test.queries()).containsOnlyKeys("q1", "q2", "q3");
        assertThat(train.queries()).containsOnlyKeys("q4");
    }

    @Test
    void scoresEveryModeOnTheSameIndex() throws Exception {
        RetrievalEvaluation.Report report = new RetrievalEvaluation(TestEmbedder.get(), 200).run(BeirDataset.load(dir, "test"));

        assertThat(report.queries()).isEqualTo(3);
        assertThat(report.chunks()).isEqualTo(5);
        assertThat(report.scores()).containsOnlyKeys(SearchMode.values());
        // q3 shares no word with d3: BM25 finds nothing for it, the dense and hybrid rankings do
        assertThat(report.scores().get(SearchMode.LEXICAL).recall100()).isEqualTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.scores().get(SearchMode.DENSE).recall100()).isEqualTo(1.0);
        assertThat(report.scores().get(SearchMode.HYBRID).recall100()).isEqualTo(1.0);
        assertThat(report.scores().get(SearchMode.DENSE).ndcg10()).isEqualTo(1.0);
        assertThat(report.scores().get(SearchMode.LEXICAL).mrr10()).isLessThan(1.0);
        assertThat(report.scores().get(SearchMode.HYBRID).ndcg10()).isGreaterThan(report.scores().get(SearchMode.LEXICAL).ndcg10());
    }

    @Test
    void theCommandEndsWithOneJsonLineOfAllFigures() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EvalRetrieval.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertThat(lines[lines.length - 2]).contains("3 queries, 5 chunks");
        JsonNode json = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        for (String mode : new String[] {"lexical", "dense", "hybrid"}) {
            assertThat(json.get(mode).get("ndcg@10").asDouble()).isBetween(0.0, 1.0);
            assertThat(json.get(mode).get("recall@100").asDouble()).isBetween(0.6, 1.0);
            assertThat(json.get(mode).has("mrr@10")).isTrue();
        }
        assertThat(json.get("hybrid").get("recall@100").asDouble()).isEqualTo(1.0);
        // printed to one decimal: a fast run reads 0.0
        assertThat(json.get("seconds").asDouble()).isNotNegative();
    }
}
