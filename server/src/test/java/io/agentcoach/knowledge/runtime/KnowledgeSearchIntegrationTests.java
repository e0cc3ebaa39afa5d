package io.agentcoach.knowledge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.agentcoach.knowledge.CurriculumDocument;
import io.agentcoach.knowledge.CurriculumSource;
import io.agentcoach.knowledge.KnowledgeSearch;
import io.agentcoach.knowledge.Passage;
import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import io.agentcoach.testing.Http;
import io.agentcoach.identity.Role;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(KnowledgeSearchIntegrationTests.Curriculum.class)
class KnowledgeSearchIntegrationTests {

    static final String PRIVATE_TEXT = "Globex escalates every failed agent deployment to the Tuesday quartermaster review board.";

    @TestConfiguration(proxyBeanMethods = false)
    static class Curriculum {
        @Bean
        CurriculumSource testCurriculum() {
            return () -> List.of(
                    new CurriculumDocument("agents/tool-calling", "Tool calling", SourceType.LESSON, "agents", List.of("tools"), """
                            ---
                            title: Tool calling
                            ---
                            # Tool calling
                            Agents act through tools.

                            ## Describing tools with JSON schema
                            Each tool has a name, a description and a JSON schema of its arguments.

                            ## Handling tool errors
                            When a tool fails, return the error message to the model so it can retry.
                            """),
                    new CurriculumDocument("rag/chunking", "Chunking documents", SourceType.LESSON, "rag", List.of("retrieval"), """
                            # Why chunk
                            Retrieval works on passages: split long documents into chunks before embedding them.
                            """));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;
    TestUsers.SignedIn reader;

    @BeforeEach
    void waitForTheIndex() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
        reader = users.learner();
        await().atMost(Duration.ofSeconds(120)).until(knowledge::ready);
    }

    /** Searches as {@code user}, or anonymously when null. */
    private Http.Response search(String query, TestUsers.SignedIn user) {
        String path = "/api/knowledge/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return http.send((user == null ? http.request(path) : user.request(path)).header("Accept", "application/json")
                .GET().build());
    }

    private Http.Response upload(TestUsers.SignedIn admin, String title, String contentType, byte[] body) {
        return http.send(admin.request("/api/knowledge/documents?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void readinessIncludesTheIndex() {
        JsonNode readiness = http.get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
    }

    @Test
    void searchCitesTheLessonSectionWithHighlights() {
        Http.Response response = search("how should my agent handle a tool error?", reader);

        assertThat(response.status()).isEqualTo(200);
        JsonNode best = response.json().get("results").get(0);
        assertThat(best.get("sourceId").asString()).isEqualTo("agents/tool-calling");
        assertThat(best.get("sectionAnchor").asString()).isEqualTo("handling-tool-errors");
        assertThat(best.get("section").asString()).isEqualTo("Handling tool errors");
        assertThat(best.get("highlighted").asString()).contains("<mark>error</mark>");
        assertThat(best.get("sourceType").asString()).isEqualTo("lesson");
    }

    @Test
    void filtersByTrackAndType() {
        JsonNode results = reader.get("/api/knowledge/search?q=tool+schema&track=rag").json().get("results");
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.get("track").asString()).isEqualTo("rag"));
        assertThat(reader.get("/api/knowledge/search?q=tool&type=document").json().get("results")).isEmpty();
        assertThat(reader.get("/api/knowledge/search?q=tool&type=poster").status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationSearchingTheExactTextOfAPrivateDocumentGetsNothing() {
        TestUsers.SignedIn globex = users.orgAdmin();
        TestUsers.SignedIn initech = users.orgAdmin();
        TestUsers.SignedIn globexLearner = users.member(globex.organizationId(), Role.LEARNER);
        Http.Response created = upload(globex, "Escalation policy", "text/markdown",
                ("# Escalations\n" + PRIVATE_TEXT).getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        JsonNode own = search(PRIVATE_TEXT, globexLearner).json().get("results");
        assertThat(own.get(0).get("sourceId").asString()).isEqualTo(id);
        assertThat(own.get(0).get("sectionAnchor").asString()).isEqualTo("escalations");

        assertThat(search(PRIVATE_TEXT, initech).json().get("results"))
                .noneSatisfy(r -> assertThat(r.get("sourceId").asString()).isEqualTo(id));
        assertThat(search(PRIVATE_TEXT, null).status()).isEqualTo(401);
        List<Passage> coach = knowledge.retrieve(PRIVATE_TEXT, RetrievalFilter.forOrganization(initech.organizationId(), 20));
        assertThat(coach).noneMatch(p -> p.citation().sourceId().equals(id));

        assertThat(initech.delete("/api/knowledge/documents/" + id).status()).isEqualTo(404);
        Http.Response deleted = globex.delete("/api/knowledge/documents/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(search(PRIVATE_TEXT, globex).json().get("results"))
                .noneSatisfy(r -> assertThat(r.get("sourceId").asString()).isEqualTo(id));
    }

    @Test
    void htmlUploadsKeepTheirHeadings() {
        TestUsers.SignedIn org = users.orgAdmin();
        String html = "<html><body><script>alert(1)</script><h2>On-call rota</h2><p>Pagers rotate among the platform squad weekly.</p></body></html>";
        assertThat(upload(org, "Rota", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

        JsonNode best = search("who carries the pager", org).json().get("results").get(0);
        assertThat(best.get("title").asString()).isEqualTo("Rota");
        assertThat(best.get("sectionAnchor").asString()).isEqualTo("on-call-rota");
        assertThat(best.get("snippet").asString()).doesNotContain("alert");
    }

    @Test
    void badQueriesAreProblemsOrTextNeverErrors() {
        Http.Response empty = reader.get("/api/knowledge/search?q=%20");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(reader.get("/api/knowledge/search").status()).isEqualTo(400);

        assertThat(search("chunking ".repeat(1_111), reader).status()).isEqualTo(200);
        Http.Response syntax = search("tool:(\"schema\" AND [a TO z]) OR +json -args~2^3 \\ / *", reader);
        assertThat(syntax.status()).isEqualTo(200);
        assertThat(syntax.json().get("results")).isNotEmpty();
        assertThat(reader.get("/api/knowledge/search?q=x&limit=0").status()).isEqualTo(400);
    }

    @Test
    void uploadsThatCannotBeIndexedAreRefusedWithTheReason() {
        TestUsers.SignedIn org = users.orgAdmin();
        Http.Response image = upload(org, "Logo", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(image.status()).isEqualTo(415);
        assertThat(image.json().get("detail").asString()).contains("text/markdown");

        Http.Response latin1 = upload(org, "Notes", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThat(latin1.status()).isEqualTo(422);
        assertThat(latin1.json().get("detail").asString()).contains("UTF-8");

        Http.Response notPdf = upload(org, "Report", "application/pdf", "%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.status()).isEqualTo(422);

        Http.Response anonymous = http.send(http.request("/api/knowledge/documents?title=x")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(anonymous.status()).isEqualTo(401);

        Http.Response learner = http.send(users.member(org.organizationId(), Role.LEARNER)
                .request("/api/knowledge/documents?title=x").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(learner.status()).isEqualTo(403);
    }

    @Test
    void relatedContentComesFromOtherSources() {
        JsonNode results = reader.get("/api/knowledge/related?sourceId=rag/chunking").json().get("results");
        assertThat(results).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("sourceId").asString()).isNotEqualTo("rag/chunking"));
    }

    @Test
    void indexesTheCurriculumTheContentModuleServesButNeverItsHiddenParts() {
        JsonNode roles = search("which four roles make up a chat request", reader).json().get("results");
        assertThat(roles.valueStream().filter(r -> r.has("sectionAnchor"))
                .map(r -> r.get("sourceId").asString() + "#" + r.get("sectionAnchor").asString()))
                .contains("messages#the-four-roles");
        JsonNode hints = reader.get("/api/knowledge/search?q=operator&type=hint").json().get("results");
        assertThat(hints).anySatisfy(r -> assertThat(r.get("sourceId").asString()).isEqualTo("add-numbers/hints"));
        JsonNode hidden = search("negatives add too abs", reader).json().get("results");
        assertThat(hidden).noneSatisfy(r -> assertThat(r.get("snippet").asString()).contains("negatives add too"));
    }
}
