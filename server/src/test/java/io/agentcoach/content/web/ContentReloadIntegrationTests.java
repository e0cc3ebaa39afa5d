package io.agentcoach.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.agentcoach.identity.Role;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An instructor changes content/ on disk and reloads: valid content is served at once, invalid
 * content is refused with every problem's file and line and the curriculum served is unchanged.
 */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=3")
@DirtiesContext
class ContentReloadIntegrationTests {

    static final Path CONTENT = copyOfFixture();

    @DynamicPropertySource
    static void content(DynamicPropertyRegistry registry) {
        registry.add("agentcoach.content.dir", CONTENT::toString);
    }

    static Path copyOfFixture() {
        try {
            Path source = Path.of("src/test/resources/content-fixture");
            Path target = Files.createTempDirectory("agentcoach-content-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(new Http(port), jdbc);
    }

    private static Path lessonFile() throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT)) {
            return files.filter(f -> f.getFileName().toString().equals("02-tools.md")).findFirst().orElseThrow();
        }
    }

    @Test
    void validChangesAreServedAtOnceAndInvalidOnesChangeNothing() throws IOException {
        TestUsers.SignedIn admin = users.orgAdmin();
        TestUsers.SignedIn instructor = users.member(admin.organizationId(), Role.INSTRUCTOR);
        TestUsers.SignedIn learner = users.member(admin.organizationId(), Role.LEARNER);
        String before = learner.get("/api/content/lessons/tools").json().get("contentVersion").asString();

        Http.Response unchanged = instructor.postJson("/api/content/reload", "{}");
        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        assertThat(unchanged.json().get("version").asString()).isEqualTo(before);
        assertThat(unchanged.json().get("changedLessons")).isEmpty();

        Path file = lessonFile();
        String original = Files.readString(file);
        Files.writeString(file, original.replace("title: Tools", "title: Tools, revised"));
        JsonNode reloaded = instructor.postJson("/api/content/reload", "{}").json();
        assertThat(reloaded.get("previousVersion").asString()).isEqualTo(before);
        assertThat(reloaded.get("version").asString()).isNotEqualTo(before);
        assertThat(reloaded.get("changedLessons").get(0).asString()).isEqualTo("tools");
        assertThat(learner.get("/api/content/lessons/tools").json().get("title").asString())
                .isEqualTo("Tools, revised");
        String served = reloaded.get("version").asString();

        Files.writeString(file, original.replace("skills: [tool-calling-basics]", "skills: [no-such-skill]"));
        Http.Response refused = instructor.postJson("/api/content/reload", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/problems/invalid-content");
        assertThat(refused.json().get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asString()).endsWith("lessons/02-tools.md");
            assertThat(p.get("line").asInt()).isPositive();
            assertThat(p.get("message").asString()).contains("no-such-skill");
        });
        JsonNode stillServed = learner.get("/api/content/lessons/tools").json();
        assertThat(stillServed.get("title").asString()).isEqualTo("Tools, revised");
        assertThat(stillServed.get("contentVersion").asString()).isEqualTo(served);
        Files.writeString(file, original);
    }

    @Test
    void onlyInstructorsAndPlatformAdminsReload() {
        TestUsers.SignedIn admin = users.orgAdmin();
        assertThat(users.member(admin.organizationId(), Role.LEARNER).postJson("/api/content/reload", "{}").status())
                .isEqualTo(403);
        assertThat(admin.postJson("/api/content/reload", "{}").status()).isEqualTo(403);
        assertThat(new Http(port).postJson("/api/content/reload", "{}").status()).isEqualTo(401);
        assertThat(users.platformAdmin().postJson("/api/content/reload", "{}").status()).isEqualTo(200);
    }
}
