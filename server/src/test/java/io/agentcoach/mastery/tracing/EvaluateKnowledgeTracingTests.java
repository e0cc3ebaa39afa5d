package io.agentcoach.mastery.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateKnowledgeTracingTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path train, Path test) {
        return EvaluateKnowledgeTracing.run(new String[] {train.toString(), test.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, List<LearnerSequence> sequences) throws Exception {
        StringBuilder text = new StringBuilder();
        for (LearnerSequence s : sequences) {
            text.append(s.attempts().size()).append(',').append(s.learner()).append('\n');
            StringBuilder items = new StringBuilder();
            StringBuilder skills = new StringBuilder();
            StringBuilder correct = new StringBuilder();
            for (Attempt a : s.attempts()) {
                items.append(a.item()).append(',');
                skills.append(a.skills()[0]).append(',');
                correct.append(a.correct() ? 1 : 0).append(',');
            }
            text.append(items).append('\n').append(skills).append('\n').append(correct).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void reportsEveryModelAndEndsWithOneJsonLine() throws Exception {
        Path train = write("train.csv", TracingModelsTests.learners(200, 11));
        Path test = write("test.csv", TracingModelsTests.learners(50, 12));
        assertThat(run(train, test)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        assertThat(last).startsWith("{\"models\":{\"bkt\":{\"auc\":").contains("\"lr\":{\"auc\":")
                .contains("\"gbt\":{\"auc\":").endsWith("}");
        var models = tools.jackson.databind.json.JsonMapper.builder().build().readTree(last).path("models");
        assertThat(models.path("lr").path("auc").asDouble()).isGreaterThan(0.7);
        assertThat(models.path("gbt").path("auc").asDouble()).isGreaterThan(0.7);
        assertThat(models.path("gbt").path("fitted").asString()).startsWith("trees=");
        assertThat(models.path("gbt").path("fit_seconds").isNumber()).isTrue();
    }

    @Test
    void scoresDktThreeLineFilesWithEveryModel() throws Exception {
        Path train = writeSkillsOnly("train.csv", TracingModelsTests.learners(200, 14));
        Path test = writeSkillsOnly("test.csv", TracingModelsTests.learners(50, 15));
        assertThat(run(train, test)).isZero();
        String out = this.out.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("layout SKILLS_ONLY");
        String[] lines = out.strip().split("\n");
        var models = tools.jackson.databind.json.JsonMapper.builder().build().readTree(lines[lines.length - 1])
                .path("models");
        for (String model : List.of("bkt", "lr", "gbt")) {
            assertThat(models.path(model).path("auc").asDouble()).as(model).isGreaterThan(0.55);
        }
    }

    /** DKT's 3-line records: length, skills, outcomes (no item ids). */
    private Path writeSkillsOnly(String name, List<LearnerSequence> sequences) throws Exception {
        StringBuilder text = new StringBuilder();
        for (LearnerSequence s : sequences) {
            text.append(s.attempts().size()).append('\n');
            StringBuilder skills = new StringBuilder();
            StringBuilder correct = new StringBuilder();
            for (Attempt a : s.attempts()) {
                skills.append(a.skills()[0]).append(',');
                correct.append(a.correct() ? 1 : 0).append(',');
            }
            text.append(skills).append('\n').append(correct).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMalformedTestFileNamesTheLineAndPrintsNoResult() throws Exception {
        Path train = write("train.csv", TracingModelsTests.learners(20, 13));
        Path test = Files.writeString(dir.resolve("test.csv"), "2,u\n1,2\n3,3\n1,2\n");
        assertThat(run(train, test)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("test.csv line 4: correctness value 2 is '2'");
    }
}
