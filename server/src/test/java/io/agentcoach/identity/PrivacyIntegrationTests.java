package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import io.agentcoach.content.ContentFixtures;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import io.agentcoach.testing.TestUsers.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person who used every module downloads their data, then deletes their account: afterwards no
 * table of the schema holds their id, email, name or anything they wrote, the audit chain still
 * verifies, and the people they worked with keep their own data.
 */
@IntegrationTest
class PrivacyIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        users = new TestUsers(http, jdbc);
        // uploads and grading need the search index and the sandbox
        await().atMost(Duration.ofSeconds(180)).until(() -> http.get("/actuator/health/readiness").status() == 200);
    }

    /** Someone with a name and a marker of their own, so a scan can tell their data from everyone else's. */
    record Person(SignedIn personal, String displayName, String marker) {
    }

    Person signUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "Ada.Quill-" + tag + "@Example.org";
        String name = "Ada Quill-" + tag;
        Http.Response r = http.postJson("/api/auth/signup", """
                {"email": "%s", "password": "%s", "displayName": "%s"}""".formatted(email, TestUsers.PASSWORD, name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // she administers her personal organization, and admin actions need her second factor
        users.enrolTotp(users.login(email, null));
        return new Person(users.login(email, null), name, "marker-" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void anExportHoldsEveryModulesPartAndADeletionLeavesNoPersonalDataBehind() {
        Person ada = signUp();
        SignedIn personal = ada.personal();
        SignedIn bob = users.orgAdmin();
        UUID team = bob.organizationId();
        SignedIn inTeam = joinByInvitation(bob, personal);
        String bobsMarker = "bobs-own-" + UUID.randomUUID();
        useEveryModule(personal, inTeam, ada.marker());
        String bobsAttempt = practise(bob, "# " + bobsMarker + "\ndef add(a, b):\n    return a + b\n");
        awaitEventsDelivered(personal.userId());

        JsonNode export = export(personal, ada);
        assertThat(export.toString()).doesNotContain(bobsMarker);

        // wrong or missing re-authentication, or the last admin of a team, changes nothing
        Map<String, Long> before = rowCounts();
        Http.Response wrong = deleteAccount(personal, "{\"password\": \"not my password\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/wrong-password");
        assertThat(deleteAccount(personal, "{}").status()).isEqualTo(400);
        assertThat(deleteAccount(personal, "").status()).isEqualTo(400);
        assertThat(http.send(http.request("/api/me").method("DELETE", body("{\"password\": \"x\"}"))
                .header("Content-Type", "application/json").build()).status()).isEqualTo(401);
        Http.Response lastAdmin = deleteAccount(bob, confirmation(bob));
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.isProblem()).isTrue();
        assertThat(lastAdmin.json().get("type").asString()).isEqualTo("/problems/last-admin");
        assertThat(lastAdmin.json().get("organizationId").asString()).isEqualTo(team.toString());
        assertThat(rowCounts()).as("nothing changed, audit events aside").isEqualTo(before);
        assertThat(personal.get("/api/me").status()).isEqualTo(200);

        assertThat(personalDataLeft(ada)).as("the scan finds the data while it is there").contains(
                "users: email in 1 rows", "users: display name in 1 rows", "practice_submissions: marker in 2 rows",
                "coaching_messages: marker in 2 rows", "knowledge_documents: marker in 1 rows",
                "consent_records: user id in 1 rows")
                .anyMatch(hit -> hit.startsWith("audit_events: user id"))
                .anyMatch(hit -> hit.startsWith("event_publication: user id"));

        // she has two-step sign-in: the password alone is not enough, nor a wrong code
        Http.Response noCode = deleteAccount(inTeam, "{\"password\": \"" + TestUsers.PASSWORD + "\"}");
        assertThat(noCode.status()).isEqualTo(403);
        assertThat(noCode.json().get("type").asString()).isEqualTo("/problems/mfa-required");
        Http.Response wrongCode = deleteAccount(inTeam, """
                {"password": "%s", "mfaCode": "000000"}""".formatted(TestUsers.PASSWORD));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.json().get("type").asString()).isEqualTo("/problems/invalid-mfa-code");
        assertThat(inTeam.get("/api/me").status()).isEqualTo(200);

        Http.Response deleted = deleteAccount(inTeam, confirmation(inTeam));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(personalDataLeft(ada)).as("tables still holding the deleted person's data").isEmpty();
        JsonNode verification = users.platformAdmin().get("/api/audit/verify").json();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("pseudonymized").asInt()).isGreaterThan(5);
        JsonNode teamLog = bob.get("/api/organizations/" + team + "/audit").json();
        assertThat(teamLog.get(0).get("action").asString()).isEqualTo("account.deleted");
        assertThat(teamLog.toString()).doesNotContain(personal.userId().toString());

        // Bob's team, his practice and his membership are untouched; Ada's personal organization is gone
        assertThat(bob.get("/api/practice/attempts/" + bobsAttempt).json().get("draft").asString())
                .contains(bobsMarker);
        assertThat(bob.get("/api/organizations/" + team + "/members").json().valueStream()
                .map(m -> m.get("userId").asString())).containsExactly(bob.userId().toString());
        assertThat(Tenants.callAsSystem(() -> jdbc.sql("select count(*) from organizations where id = ?")
                .param(personal.organizationId()).query(Long.class).single())).isZero();

        // the old credentials are worthless; the email is free again
        assertThat(http.postJson("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(personal.email(), TestUsers.PASSWORD)).status())
                .isEqualTo(401);
        assertThat(personal.get("/api/me").status()).isEqualTo(404);
        assertThat(http.postJson("/api/auth/signup", """
                {"email": "%s", "password": "%s", "displayName": "Ada again"}""".formatted(personal.email(),
                TestUsers.PASSWORD)).status()).isEqualTo(201);
    }

    @Test
    void anExportIsADownloadOfTheCallersOwnDataOnly() {
        Person ada = signUp();
        SignedIn colleague = users.member(ada.personal().organizationId(), Role.LEARNER);
        practise(colleague, "# " + ada.marker() + "\ndef add(a, b):\n    return a - b\n");

        Http.Response download = ada.personal().get("/api/me/export");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"agentcoach-export-");
        JsonNode export = download.json();
        assertThat(export.get("user").get("id").asString()).isEqualTo(ada.personal().userId().toString());
        assertThat(download.body()).as("the colleague's practice").doesNotContain(ada.marker())
                .doesNotContain(colleague.userId().toString());
        assertThat(http.get("/api/me/export").status()).isEqualTo(401);

        JsonNode log = ada.personal().get("/api/organizations/" + ada.personal().organizationId() + "/audit").json();
        assertThat(log.get(0).get("action").asString()).isEqualTo("account.exported");
    }

    @Test
    void aLargeExportIsStreamedAsItIsRead() {
        Person ada = signUp();
        UUID organization = ada.personal().organizationId();
        int attempts = 3_000;
        Tenants.runAs(organization, () -> jdbc.sql("""
                insert into practice_attempts (id, organization_id, user_id, exercise_id, draft, started_at, updated_at)
                select gen_random_uuid(), ?, ?, 'add-numbers', repeat('x', 8000) || n, now(), now()
                from generate_series(1, ?) n""").params(organization, ada.personal().userId(), attempts).update());

        Http.Response download = ada.personal().get("/api/me/export");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().length()).isGreaterThan(attempts * 8000);
        assertThat(download.header("Content-Length")).as("sent before its length was known").isNull();
        assertThat(download.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(download.json().get("modules").get("practice").get("attempts")).hasSize(attempts);
    }

    @Test
    void aPersonalOrganizationWithOtherMembersNeedsAnotherAdminFirst() {
        Person ada = signUp();
        SignedIn colleague = users.member(ada.personal().organizationId(), Role.LEARNER);
        assertThat(deleteAccount(ada.personal(), confirmation(ada.personal())).status()).isEqualTo(409);

        Http.Response promoted = http.send(ada.personal().request("/api/organizations/"
                + ada.personal().organizationId() + "/members/" + colleague.userId())
                .header("Content-Type", "application/json").method("PATCH", body("{\"role\": \"org_admin\"}")).build());
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(deleteAccount(ada.personal(), confirmation(ada.personal())).status()).isEqualTo(204);

        users.enrolTotp(users.login(colleague.email(), ada.personal().organizationId()));
        SignedIn admin = users.login(colleague.email(), ada.personal().organizationId());
        JsonNode organization = admin.get("/api/organizations/" + admin.organizationId()).json();
        assertThat(organization.toString()).as("the organization no longer carries Ada's name")
                .doesNotContain(ada.displayName());
        assertThat(personalDataLeft(ada)).isEmpty();
    }

    private SignedIn joinByInvitation(SignedIn admin, SignedIn person) {
        Http.Response invited = admin.postJson("/api/organizations/" + admin.organizationId() + "/invitations",
                "{\"email\": \"" + person.email() + "\", \"role\": \"learner\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        Http.Response accepted = person.postJson("/api/invitations/accept",
                "{\"token\": \"" + invited.json().get("token").asString() + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isLessThan(300);
        return users.login(person.email(), admin.organizationId());
    }

    /** Practice, coaching, placement, a goal, an uploaded document, an organization exercise, consent and a key. */
    private void useEveryModule(SignedIn personal, SignedIn inTeam, String marker) {
        for (SignedIn as : List.of(personal, inTeam)) {
            practise(as, "# " + marker + "\ndef add(a, b):\n    return a + b\n");
            String session = as.postJson("/api/coaching/sessions", "{\"title\": \"" + marker + "\"}").json().get("id")
                    .asString();
            Http.Response answered = http.send(as.request("/api/coaching/sessions/" + session + "/messages")
                    .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                    .POST(body("{\"message\": \"Why does tool calling fail? " + marker + "\"}")).build());
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        }
        Http.Response placement = personal.postJson("/api/mastery/placement", "{}");
        assertThat(placement.status()).as(placement.body()).isEqualTo(201);
        String item = placement.json().path("question").path("itemId").asString();
        assertThat(personal.postJson("/api/mastery/placement/answers",
                "{\"itemId\": \"" + item + "\", \"answer\": \"0\"}").status()).isEqualTo(200);
        assertThat(personal.putJson("/api/mastery/goal", "{\"skillId\": \"tool-calling-basics\"}").status())
                .isEqualTo(200);
        Http.Response uploaded = http.send(personal.request("/api/knowledge/documents?title=Notes")
                .header("Content-Type", "text/plain").POST(body("# Notes\n\nMy own notes, " + marker + ".")).build());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        Http.Response exercise = personal.postJson("/api/content/organization/exercises",
                JSON.writeValueAsString(Map.of("files", privateExercise(marker))));
        assertThat(exercise.status()).as(exercise.body()).isEqualTo(201);
        assertThat(personal.putJson("/api/me/consents",
                "{\"purpose\": \"external-model-processing\", \"granted\": true, \"wordingVersion\": 1}").status())
                .isEqualTo(200);
        assertThat(personal.postJson("/api/api-keys", "{\"name\": \"laptop\", \"scopes\": [\"profile\"]}").status())
                .isEqualTo(201);
    }

    /** Starts add-numbers, submits {@code code} and waits for its grade; the attempt's id. */
    private String practise(SignedIn as, String code) {
        String attempt = as.postJson("/api/practice/exercises/add-numbers/attempts", "{}").json().get("id").asString();
        String json = JSON.writeValueAsString(Map.of("code", code));
        assertThat(as.putJson("/api/practice/attempts/" + attempt + "/draft", json).status()).isEqualTo(200);
        Http.Response submitted = http.send(as.request("/api/practice/attempts/" + attempt + "/submissions")
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body(json)).build());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String submission = submitted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
                () -> as.get("/api/practice/submissions/" + submission).json().path("status").asString(),
                "graded"::equals);
        return attempt;
    }

    /** Waits until every listener got the events about {@code userId} (mastery's estimates, coaching's solved exercises). */
    private void awaitEventsDelivered(UUID userId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from event_publication where completion_date is null and serialized_event like ?""")
                .param("%" + userId + "%").query(Long.class).single() == 0);
    }

    private JsonNode export(SignedIn personal, Person ada) {
        Http.Response download = personal.get("/api/me/export");
        assertThat(download.status()).as(download.body()).isEqualTo(200);
        JsonNode export = download.json();
        assertThat(export.get("format").asString()).isEqualTo("agentcoach-export/1");
        assertThat(export.get("exportedAt").asString()).isNotBlank();
        assertThat(export.get("user").get("email").asString()).isEqualTo(personal.email());
        assertThat(export.get("user").get("displayName").asString()).isEqualTo(ada.displayName());
        JsonNode modules = export.get("modules");
        assertThat(modules.propertyNames()).containsExactly("identity", "content", "practice", "mastery", "coaching",
                "knowledge");
        JsonNode identity = modules.get("identity");
        assertThat(identity.get("memberships")).hasSize(2);
        assertThat(identity.get("apiKeys")).hasSize(1);
        assertThat(identity.get("apiKeys").toString()).doesNotContain("secret");
        assertThat(identity.get("invitationsReceived")).hasSize(1);
        assertThat(identity.get("consents").get(0).get("purpose").asString()).isEqualTo("external-model-processing");
        assertThat(identity.get("auditEvents").valueStream().map(e -> e.get("action").asString()))
                .contains("user.signed_up", "login.succeeded", "invitation.accepted", "consent.granted");
        assertThat(modules.get("content").get("organizationExercisesLastChanged")).hasSize(1);
        JsonNode practice = modules.get("practice");
        assertThat(practice.get("attempts")).hasSize(2);
        assertThat(practice.get("submissions")).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("code").asString()).contains(ada.marker());
            assertThat(s.get("status").asString()).isEqualTo("graded");
            assertThat(s.get("passed").asBoolean()).isTrue();
        });
        JsonNode mastery = modules.get("mastery");
        assertThat(mastery.get("skillEstimates")).isNotEmpty();
        assertThat(mastery.get("history")).isNotEmpty();
        assertThat(mastery.get("goals").get(0).get("skillId").asString()).isEqualTo("tool-calling-basics");
        assertThat(mastery.get("placements")).hasSize(1);
        assertThat(mastery.get("placementAnswers")).hasSize(1);
        assertThat(mastery.get("learningPaths")).isNotEmpty();
        JsonNode coaching = modules.get("coaching");
        assertThat(coaching.get("sessions")).hasSize(2);
        assertThat(coaching.get("messages").valueStream().filter(m -> m.get("content").asString().contains(ada.marker())))
                .hasSize(2);
        assertThat(coaching.get("modelUsage")).hasSize(2);
        assertThat(coaching.get("solvedExercises")).hasSize(2);
        assertThat(modules.get("knowledge").get("documentsUploaded").get(0).get("body").asString())
                .contains(ada.marker());
        return export;
    }

    /** The body of a deletion request: the password and a fresh code of the person's authenticator. */
    private String confirmation(SignedIn as) {
        return """
                {"password": "%s", "mfaCode": "%s"}""".formatted(TestUsers.PASSWORD,
                users.authenticator(as.email()).orElseThrow().nextCode());
    }

    private Http.Response deleteAccount(SignedIn as, String json) {
        return http.send(as.request("/api/me").header("Content-Type", "application/json")
                .method("DELETE", body(json)).build());
    }

    /**
     * Every table of the schema, as text, searched for the person's id, email, name and marker:
     * "table: what" for each hit. Read across tenants, past row-level security.
     */
    private List<String> personalDataLeft(Person person) {
        SignedIn account = person.personal();
        Map<String, String> needles = new LinkedHashMap<>();
        needles.put("user id", account.userId().toString());
        needles.put("email", account.email().toLowerCase());
        needles.put("display name", person.displayName().toLowerCase());
        needles.put("marker", person.marker());
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1""")
                .query(String.class).list();
        assertThat(tables).contains("users", "audit_events", "practice_submissions", "coaching_messages",
                "event_publication", "consent_records");
        List<String> hits = new ArrayList<>();
        Tenants.runAsSystem(() -> {
            for (String table : tables) {
                needles.forEach((what, needle) -> {
                    long rows = jdbc.sql("select count(*) from \"" + table + "\" t where strpos(lower(t::text), ?) > 0")
                            .param(needle).query(Long.class).single();
                    if (rows > 0) {
                        hits.add(table + ": " + what + " in " + rows + " rows");
                    }
                });
            }
        });
        return hits;
    }

    /** Rows per table, audit events left out (a refused request is audited). */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Tenants.runAsSystem(() -> jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not in ('audit_events', 'flyway_schema_history') order by 1""")
                .query(String.class).list().forEach(table -> counts.put(table,
                        jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single())));
        return counts;
    }

    /** The test curriculum's add-numbers exercise as an organization's own, renamed, its statement carrying {@code marker}. */
    private static Map<String, String> privateExercise(String marker) {
        Path folder = ContentFixtures.VALID.resolve("tracks/01-basics/exercises/add-numbers");
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, String> exercise = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                exercise.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
            exercise.compute("exercise.md", (name, text) -> text.replace("id: add-numbers", "id: quill-add-numbers")
                    + "\n" + marker + "\n");
            return exercise;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }
}
