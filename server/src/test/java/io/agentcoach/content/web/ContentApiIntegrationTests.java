package io.agentcoach.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The curriculum over HTTP, as the web app reads it. */
@IntegrationTest
class ContentApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void listsTracksWithTheirLessonsAndExercises() {
        var r = http.get("/api/content/tracks");
        assertThat(r.status()).isEqualTo(200);
        var track = r.json().get(0);
        assertThat(track.get("id").asString()).isEqualTo("basics");
        assertThat(track.get("lessons").get(0).get("id").asString()).isEqualTo("messages");
        assertThat(track.get("exercises").get(0).get("id").asString()).isEqualTo("add-numbers");
    }

    @Test
    void servesALessonWithSafeHtmlTocAndChecksWithoutAnswers() {
        var lesson = http.get("/api/content/lessons/messages").json();
        assertThat(lesson.get("html").asString()).contains("id=\"the-four-roles\"").doesNotContain("<script>");
        assertThat(lesson.get("sections").get(0).get("anchor").asString()).isEqualTo("the-four-roles");
        assertThat(lesson.get("checks").get(0).has("answerIndex")).isFalse();
        assertThat(lesson.get("checks").get(0).has("explanation")).isFalse();
        assertThat(lesson.get("checks").get(1).has("accepted")).isFalse();
        assertThat(lesson.get("contentVersion").asString()).hasSize(12);
    }

    @Test
    void gradesACheckAnswerForSignedInLearners() {
        assertThat(http.postJson("/api/content/lessons/messages/checks/tool-role", "{\"answer\":\"Tool\"}").status())
                .isEqualTo(401);
        var learner = new TestUsers(http, jdbc).learner();
        var right = learner.postJson("/api/content/lessons/messages/checks/tool-role", "{\"answer\":\"Tool\"}");
        assertThat(right.json().get("correct").asBoolean()).isTrue();
        var wrong = learner.postJson("/api/content/lessons/messages/checks/stateless", "{\"answer\":\"2\"}");
        assertThat(wrong.json().get("correct").asBoolean()).isFalse();
        assertThat(wrong.json().get("explanation").asString()).isNotBlank();
        var missing = learner.postJson("/api/content/lessons/messages/checks/stateless", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("answer");
    }

    @Test
    void servesAnExerciseWithoutHiddenTestsOrSolution() {
        var r = http.get("/api/content/exercises/add-numbers");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("def add(a, b)").contains("test_adds")
                .doesNotContain("test_negative").doesNotContain("return a + b").doesNotContain("abs(a)");
        assertThat(r.json().get("hintCount").asInt()).isEqualTo(3);
        assertThat(http.get("/api/content/exercises/add-numbers/hints/1").json().get("hint").asString())
                .isEqualTo("Look at the operator.");
        assertThat(http.get("/api/content/exercises/add-numbers/hints/4").status()).isEqualTo(404);
    }

    @Test
    void unknownItemsAre404Problems() {
        for (String path : new String[] {"/api/content/lessons/nope", "/api/content/tracks/nope",
                "/api/content/exercises/nope"}) {
            var r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.isProblem()).isTrue();
        }
    }

    @Test
    void listsSkillsPrerequisitesFirst() {
        var skills = http.get("/api/content/skills").json();
        assertThat(skills.get(0).get("id").asString()).isEqualTo("llm-messages");
        assertThat(skills.get(1).get("prerequisites").get(0).asString()).isEqualTo("llm-messages");
    }
}
