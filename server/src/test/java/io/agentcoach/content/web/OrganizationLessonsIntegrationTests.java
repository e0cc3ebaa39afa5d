package io.agentcoach.content.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.agentcoach.identity.Role;
import io.agentcoach.knowledge.KnowledgeSearch;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lessons private to one organization: written through the API with the content rules, served
 * (rendered, with check questions) and searchable only inside their organization.
 */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=3")
@Import(RecordedContentChanges.class)
@DirtiesContext
class OrganizationLessonsIntegrationTests {

    static final String PATH = "/api/content/organization/lessons";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A phrase no shipped lesson contains, to search for. */
    static final String MARKER = "quokka escalation ledger";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    RecordedContentChanges events;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
        await().atMost(Duration.ofSeconds(120)).until(knowledge::ready);
    }

    static String lesson(String id, String skill, String title) {
        return """
                ---
                id: %s
                title: %s
                skills: [%s]
                prerequisites: []
                difficulty: 2
                minutes: 12
                checks:
                  - id: who-escalates
                    type: short
                    prompt: Who receives an escalated agent incident?
                    accepted: [the on-call engineer, on-call]
                    skill: %s
                    explanation: Our runbook routes them to the on-call engineer.
                  - id: tool-budget
                    type: choice
                    prompt: How many tool calls may an agent make per task?
                    options: [Five, Fifty, As many as it likes]
                    answer: 0
                    skill: %s
                    explanation: The budget is five.
                ---
                Our agents follow the company runbook.

                ## Escalations

                Every incident goes into the %s before anyone is paged. <script>alert(1)</script>

                ## Tool budgets

                Each agent gets at most five tool calls per task.
                """.formatted(id, title, skill, skill, skill, MARKER);
    }

    static String body(String markdown) {
        return JSON.writeValueAsString(Map.of("markdown", markdown));
    }

    private JsonNode search(TestUsers.SignedIn user, String query) {
        return user.get("/api/knowledge/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json()
                .get("results");
    }

    @Test
    void anInstructorsLessonIsServedRenderedAndSearchableOnlyInTheirOrganization() {
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn instructor = users.member(admin.organizationId(), Role.INSTRUCTOR);
        TestUsers.SignedIn member = users.member(admin.organizationId(), Role.LEARNER);
        TestUsers.SignedIn outsider = users.orgAdmin();

        Http.Response created = instructor.postJson(PATH, body(lesson("agent-runbook", "llm-messages", "Our agent runbook")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/content/lessons/agent-runbook");
        assertThat(events.changes).anyMatch(c -> admin.organizationId().equals(c.organizationId())
                && c.lessonIds().equals(Set.of("agent-runbook")));

        JsonNode seen = member.get("/api/content/lessons/agent-runbook").json();
        assertThat(seen.get("title").asString()).isEqualTo("Our agent runbook");
        assertThat(seen.get("html").asString()).contains("<h2").contains(MARKER).doesNotContain("<script>");
        assertThat(seen.get("sections").findValuesAsString("anchor")).contains("escalations", "tool-budgets");
        assertThat(seen.get("checks").get(0).has("accepted")).isFalse();
        assertThat(member.postJson("/api/content/lessons/agent-runbook/checks/who-escalates",
                "{\"answer\":\"on-call\"}").json().get("correct").asBoolean()).isTrue();

        JsonNode tracks = member.get("/api/content/tracks").json();
        JsonNode own = tracks.get(tracks.size() - 1);
        assertThat(own.get("id").asString()).isEqualTo("organization");
        assertThat(own.get("lessons").findValuesAsString("id")).containsExactly("agent-runbook");
        assertThat(member.get("/api/content/tracks/organization").status()).isEqualTo(200);
        assertThat(member.get(PATH).json().findValuesAsString("id")).containsExactly("agent-runbook");

        assertThat(outsider.get("/api/content/lessons/agent-runbook").status()).isEqualTo(404);
        assertThat(outsider.get("/api/content/tracks").json().findValuesAsString("id")).doesNotContain("organization");
        assertThat(outsider.get("/api/content/tracks/organization").status()).isEqualTo(404);
        assertThat(new Http(port).get("/api/content/lessons/agent-runbook").status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(search(member, MARKER))
                .anySatisfy(r -> {
                    assertThat(r.get("sourceId").asString()).isEqualTo("agent-runbook");
                    assertThat(r.get("sectionAnchor").asString()).isEqualTo("escalations");
                }));
        assertThat(search(outsider, MARKER)).noneSatisfy(r ->
                assertThat(r.get("sourceId").asString()).isEqualTo("agent-runbook"));

        Http.Response replaced = admin.putJson(PATH + "/agent-runbook",
                body(lesson("agent-runbook", "tool-calling-basics", "Our agent runbook, second edition")));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(member.get("/api/content/lessons/agent-runbook").json().get("title").asString())
                .isEqualTo("Our agent runbook, second edition");

        assertThat(instructor.delete(PATH + "/agent-runbook").status()).isEqualTo(204);
        assertThat(member.get("/api/content/lessons/agent-runbook").status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(search(member, MARKER))
                .noneSatisfy(r -> assertThat(r.get("sourceId").asString()).isEqualTo("agent-runbook")));
    }

    @Test
    void invalidLessonsAre422WithFileAndLineClashesAre409AndNothingIsStored() {
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn learner = users.member(admin.organizationId(), Role.LEARNER);

        Http.Response unknownSkill = admin.postJson(PATH, body(lesson("bad-skill", "no-such-skill", "Bad")));
        assertThat(unknownSkill.status()).isEqualTo(422);
        assertThat(unknownSkill.json().get("type").asString()).endsWith("/problems/invalid-content");
        assertThat(unknownSkill.json().get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asString()).isEqualTo("lesson.md");
            assertThat(p.get("line").asInt()).isPositive();
            assertThat(p.get("message").asString()).contains("no-such-skill");
        });

        Http.Response brokenFrontMatter = admin.postJson(PATH, body("---\nid: broken\ntitle: [unclosed\n---\nText\n"));
        assertThat(brokenFrontMatter.status()).isEqualTo(422);
        assertThat(brokenFrontMatter.json().get("problems").get(0).get("file").asString()).isEqualTo("lesson.md");

        Http.Response noId = admin.postJson(PATH, body("No front matter at all.\n"));
        assertThat(noId.status()).isEqualTo(422);

        Http.Response publicId = admin.postJson(PATH, body(lesson("messages", "llm-messages", "Clash")));
        assertThat(publicId.status()).isEqualTo(409);

        assertThat(learner.postJson(PATH, body(lesson("by-learner", "llm-messages", "Nope"))).status())
                .isEqualTo(403);
        assertThat(admin.postJson(PATH, "{\"markdown\":\"\"}").status()).isEqualTo(400);
        assertThat(admin.postJson(PATH, "{\"markdown\":").status()).isEqualTo(400);

        assertThat(admin.postJson(PATH, body(lesson("runbook", "llm-messages", "Runbook"))).status()).isEqualTo(201);
        assertThat(admin.postJson(PATH, body(lesson("runbook", "llm-messages", "Runbook again"))).status())
                .isEqualTo(409);
        Http.Response mismatched = admin.putJson(PATH + "/runbook", body(lesson("other-id", "llm-messages", "X")));
        assertThat(mismatched.status()).isEqualTo(422);
        assertThat(admin.putJson(PATH + "/missing", body(lesson("missing", "llm-messages", "X"))).status())
                .isEqualTo(404);

        assertThat(admin.get(PATH).json().findValuesAsString("id")).containsExactly("runbook");
        assertThat(admin.get("/api/content/lessons/runbook").json().get("title").asString()).isEqualTo("Runbook");
    }
}
