package io.agentcoach.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.agentcoach.content.loading.ContentLoader;
import io.agentcoach.content.loading.ContentProblem;
import io.agentcoach.content.loading.ContentSource;
import io.agentcoach.content.loading.CurriculumSnapshot;
import io.agentcoach.content.loading.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTests {

    @TempDir
    Path dir;

    private final ContentLoader loader = new ContentLoader();

    private CurriculumSnapshot load(Path root) {
        return loader.load(ContentSource.directory(root));
    }

    private InvalidContentException failure(Path root) {
        try {
            load(root);
        } catch (InvalidContentException e) {
            return e;
        }
        throw new AssertionError("content at " + root + " was accepted");
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void loadsAValidCurriculum() {
        CurriculumSnapshot s = load(ContentFixtures.VALID);
        assertThat(s.tracks()).extracting(Track::id).containsExactly("basics");
        assertThat(s.lessons()).containsOnlyKeys("messages", "tools");
        assertThat(s.exercises()).containsOnlyKeys("add-numbers");
        assertThat(s.skills().skills()).extracting(Skill::id).containsExactly("llm-messages", "tool-calling-basics");
        assertThat(s.bundles().get("add-numbers").wrongSolutions()).containsKey("uses-abs.py");
        assertThat(s.version()).hasSize(12);
    }

    @Test
    void rendersLessonsToSafeHtmlWithAnchors() {
        Lesson lesson = load(ContentFixtures.VALID).lessons().get("messages");
        assertThat(lesson.sections()).extracting(Section::anchor).containsExactly("the-four-roles", "why-history-is-resent");
        assertThat(lesson.html())
                .contains("<h2 id=\"the-four-roles\">")
                .contains("class=\"language-python\"")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void neutralisesScriptLinksAndRefusesThemInContent() throws IOException {
        String html = new io.agentcoach.content.loading.MarkdownRenderer()
                .render("[x](javascript:alert(1)) <img src=x onerror=alert(1)>").html();
        assertThat(html).doesNotContain("javascript:").doesNotContain("<img");
        ContentFixtures.copyOfValid(dir);
        edit("tracks/01-basics/lessons/02-tools.md", "Ask, run", "[Ask](javascript:alert(1)), run");
        assertThat(failure(dir).problems()).extracting(ContentProblem::message)
                .anyMatch(m -> m.contains("uses a scheme other than"));
    }

    @Test
    void gradesCheckAnswers() {
        Lesson lesson = load(ContentFixtures.VALID).lessons().get("messages");
        CheckQuestion choice = lesson.checks().get(0);
        CheckQuestion shortAnswer = lesson.checks().get(1);
        assertThat(choice.isCorrect("0")).isTrue();
        assertThat(choice.isCorrect("1")).isFalse();
        assertThat(shortAnswer.isCorrect("  Tool Role ")).isTrue();
        assertThat(shortAnswer.isCorrect("assistant")).isFalse();
    }

    @Test
    void equalContentHasEqualVersionsAndAnEditChangesIt() throws IOException {
        ContentFixtures.copyOfValid(dir);
        String before = load(dir).version();
        assertThat(load(dir).version()).isEqualTo(before);
        edit("tracks/01-basics/lessons/02-tools.md", "Ask, run", "Ask, then run");
        assertThat(load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void brokenFrontMatterNamesFileAndLine() throws IOException {
        ContentFixtures.copyOfValid(dir);
        edit("tracks/01-basics/lessons/02-tools.md", "difficulty: 2", "difficulty: [2");
        InvalidContentException e = failure(dir);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("tracks/01-basics/lessons/02-tools.md");
            assertThat(p.line()).isBetween(6, 8);
            assertThat(p.message()).startsWith("invalid YAML");
        });
    }

    @Test
    void missingTestFileIsNamed() throws IOException {
        ContentFixtures.copyOfValid(dir);
        Files.delete(dir.resolve("tracks/01-basics/exercises/add-numbers/tests_hidden.py"));
        assertThat(failure(dir).problems()).extracting(ContentProblem::toString)
                .anyMatch(s -> s.contains("add-numbers/tests_hidden.py") && s.contains("missing exercise file"));
    }

    @Test
    void prerequisiteCycleIsRefused() throws IOException {
        ContentFixtures.copyOfValid(dir);
        edit("skills/basics.yaml", "  prerequisites: []", "  prerequisites: [tool-calling-basics]");
        assertThat(failure(dir).problems()).extracting(ContentProblem::message)
                .anyMatch(m -> m.startsWith("prerequisite cycle:") && m.contains("llm-messages")
                        && m.contains("tool-calling-basics"));
    }

    @Test
    void unknownSkillIsNamedWithItsLine() throws IOException {
        ContentFixtures.copyOfValid(dir);
        edit("tracks/01-basics/lessons/02-tools.md", "skills: [tool-calling-basics]", "skills: [time-travel]");
        assertThat(failure(dir).problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("02-tools.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("unknown skill 'time-travel'");
        });
    }

    @Test
    void brokenLinksAndAnchorsAreRefused() throws IOException {
        ContentFixtures.copyOfValid(dir);
        edit("tracks/01-basics/lessons/02-tools.md", "lesson:messages#the-four-roles", "lesson:messages#the-five-roles");
        edit("tracks/01-basics/lessons/01-messages.md", "02-tools.md#the-loop", "03-missing.md#the-loop");
        assertThat(failure(dir).problems()).extracting(ContentProblem::message)
                .anyMatch(m -> m.contains("the-five-roles") && m.contains("does not exist"))
                .anyMatch(m -> m.contains("03-missing.md") && m.contains("points to no lesson"));
    }

    @Test
    void unlistedLessonAndWrongChoiceAnswerAreRefused() throws IOException {
        ContentFixtures.copyOfValid(dir);
        edit("tracks/01-basics/track.yaml", "lessons: [messages, tools]", "lessons: [messages]");
        edit("tracks/01-basics/lessons/01-messages.md", "answer: 0", "answer: 7");
        assertThat(failure(dir).problems()).extracting(ContentProblem::message)
                .anyMatch(m -> m.contains("lesson 'tools' exists but is not listed"))
                .anyMatch(m -> m.contains("'answer' must be between 0 and 2"));
    }

    @Test
    void emptySourceIsRefusedNotLoadedEmpty() {
        assertThatThrownBy(() -> load(dir)).isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("no content files found");
    }
}
