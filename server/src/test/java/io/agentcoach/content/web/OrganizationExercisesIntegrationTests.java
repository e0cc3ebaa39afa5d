package io.agentcoach.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agentcoach.content.Curriculum;
import io.agentcoach.identity.Role;
import io.agentcoach.platform.Tenants;
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

/** Exercises private to one organization: written through the API, validated, isolated. */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=3")
@Import(RecordedContentChanges.class)
@DirtiesContext
class OrganizationExercisesIntegrationTests {

    static final String PATH = "/api/content/organization/exercises";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Curriculum curriculum;

    @Autowired
    RecordedContentChanges events;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
    }

    static Map<String, String> folder(String id, String skill) {
        Map<String, String> files = new HashMap<>();
        files.put("exercise.md", """
                ---
                id: %s
                title: Count the tool calls
                skills: [%s]
                prerequisites: []
                difficulty: 2
                minutes: 10
                language: python
                hints:
                  - Look at each message's role.
                ---
                Write `count_tool_calls(messages)`.
                """.formatted(id, skill));
        files.put("starter.py", "def count_tool_calls(messages):\n    return 0\n");
        files.put("tests_public.py", "from solution import count_tool_calls\n\n\ndef test_one():\n"
                + "    assert count_tool_calls([{'role': 'tool'}]) == 1\n");
        files.put("tests_hidden.py", "from solution import count_tool_calls\n\n\ndef test_none():\n"
                + "    assert count_tool_calls([{'role': 'user'}]) == 0\n");
        files.put("reference.py", "def count_tool_calls(messages):\n"
                + "    return sum(1 for m in messages if m['role'] == 'tool')\n");
        files.put("wrong/counts-all.py", "def count_tool_calls(messages):\n    return len(messages)\n");
        return files;
    }

    static String body(Map<String, String> files) {
        return JSON.writeValueAsString(Map.of("files", files));
    }

    @Test
    void anInstructorCreatesReplacesAndDeletesAnExerciseSeenOnlyInTheirOrganization() {
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn instructor = users.member(admin.organizationId(), Role.INSTRUCTOR);
        TestUsers.SignedIn member = users.member(admin.organizationId(), Role.LEARNER);
        TestUsers.SignedIn outsider = users.learner();

        Http.Response created = instructor.postJson(PATH, body(folder("count-tool-calls", "tool-calling-basics")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/content/exercises/count-tool-calls");
        assertThat(events.changes).anyMatch(c -> admin.organizationId().equals(c.organizationId())
                && c.exerciseIds().equals(java.util.Set.of("count-tool-calls")));

        JsonNode seen = member.get("/api/content/exercises/count-tool-calls").json();
        assertThat(seen.get("title").asString()).isEqualTo("Count the tool calls");
        assertThat(seen.get("starterCode").asString()).contains("return 0");
        assertThat(seen.has("hiddenTests")).isFalse();
        assertThat(member.get("/api/content/exercises/count-tool-calls/hints/1").status()).isEqualTo(200);
        assertThat(member.get(PATH).json().get(0).get("id").asString()).isEqualTo("count-tool-calls");

        assertThat(outsider.get("/api/content/exercises/count-tool-calls").status()).isEqualTo(404);
        assertThat(outsider.get("/api/content/exercises/count-tool-calls/hints/1").status()).isEqualTo(404);
        assertThat(new Http(port).get("/api/content/exercises/count-tool-calls").status()).isEqualTo(404);
        assertThat(outsider.get(PATH).json()).isEmpty();
        assertThat(curriculum.gradingBundle("count-tool-calls", outsider.organizationId())).isEmpty();
        assertThat(curriculum.gradingBundle("count-tool-calls", null)).isEmpty();
        assertThat(curriculum.gradingBundle("count-tool-calls", admin.organizationId()).orElseThrow().hiddenTests())
                .contains("test_none");
        assertThat(outsider.putJson(PATH + "/count-tool-calls", body(folder("count-tool-calls", "llm-messages")))
                .status()).as("a learner may not write exercises at all, whoever owns the id").isEqualTo(403);
        TestUsers.SignedIn outsiderAdmin = users.orgAdmin();
        assertThat(outsiderAdmin.putJson(PATH + "/count-tool-calls", body(folder("count-tool-calls", "llm-messages")))
                .status()).isEqualTo(404);
        assertThat(outsiderAdmin.delete(PATH + "/count-tool-calls").status()).isEqualTo(404);

        Map<String, String> changed = folder("count-tool-calls", "llm-messages");
        changed.put("exercise.md", changed.get("exercise.md").replace("Count the tool calls", "Count tool calls"));
        Http.Response replaced = admin.putJson(PATH + "/count-tool-calls", body(changed));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(member.get("/api/content/exercises/count-tool-calls").json().get("title").asString())
                .isEqualTo("Count tool calls");
        assertThat(member.get("/api/content/exercises/count-tool-calls").json().get("skills").get(0).asString())
                .isEqualTo("llm-messages");

        assertThat(instructor.delete(PATH + "/count-tool-calls").status()).isEqualTo(204);
        assertThat(member.get("/api/content/exercises/count-tool-calls").status()).isEqualTo(404);
        assertThat(events.changes).anyMatch(c -> admin.organizationId().equals(c.organizationId())
                && c.removedIds().equals(java.util.Set.of("count-tool-calls")));
    }

    @Test
    void invalidFoldersAre422WithEveryProblemAndClashesAre409() {
        TestUsers.SignedIn admin = users.orgAdmin();
        Map<String, String> broken = folder("broken-one", "no-such-skill");
        broken.remove("reference.py");
        broken.remove("wrong/counts-all.py");
        Http.Response invalid = admin.postJson(PATH, body(broken));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        assertThat(invalid.json().get("type").asString()).isEqualTo("/problems/invalid-content");
        List<String> problems = invalid.json().get("problems").valueStream()
                .map(p -> p.get("file").asString() + ":" + p.get("line").asInt() + " " + p.get("message").asString())
                .toList();
        assertThat(problems).anyMatch(p -> p.startsWith("reference.py:0 missing exercise file"));
        assertThat(problems).anyMatch(p -> p.startsWith("wrong:0 "));
        assertThat(problems).anyMatch(p -> p.startsWith("exercise.md:") && p.contains("no-such-skill"));

        Map<String, String> stray = folder("stray-file", "llm-messages");
        stray.put("../../escape.py", "x = 1");
        Http.Response strayed = admin.postJson(PATH, body(stray));
        assertThat(strayed.status()).isEqualTo(422);
        assertThat(strayed.json().get("problems").get(0).get("file").asString()).isEqualTo("../../escape.py");

        Http.Response clash = admin.postJson(PATH, body(folder("add-numbers", "llm-messages")));
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(admin.postJson(PATH, body(folder("mine", "llm-messages"))).status()).isEqualTo(201);
        assertThat(admin.postJson(PATH, body(folder("mine", "llm-messages"))).status()).isEqualTo(409);
        Http.Response renamed = admin.putJson(PATH + "/mine", body(folder("other-id", "llm-messages")));
        assertThat(renamed.status()).isEqualTo(422);

        TestUsers.SignedIn learner = users.member(admin.organizationId(), Role.LEARNER);
        assertThat(learner.postJson(PATH, body(folder("learners-own", "llm-messages"))).status()).isEqualTo(403);
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from content_organization_exercises")
                .query(Integer.class).single())).isEqualTo(1);
    }
}
