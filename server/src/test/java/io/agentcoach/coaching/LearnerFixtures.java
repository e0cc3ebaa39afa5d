package io.agentcoach.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import io.agentcoach.testing.Http;
import io.agentcoach.testing.TestUsers.SignedIn;
import tools.jackson.databind.json.JsonMapper;

/** A learner's work and conversations as the coach's tests need them, built over the real API. */
public final class LearnerFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private LearnerFixtures() {
    }

    public static String code(String code) {
        return "{\"code\": " + JSON.writeValueAsString(code) + "}";
    }

    public static String startAttempt(SignedIn user) {
        Http.Response started = user.postJson("/api/practice/exercises/add-numbers/attempts", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    /** A graded submission of {@code code} to add-numbers; returns its id. */
    public static String submitAndAwaitGrading(SignedIn user, String code) {
        String attempt = startAttempt(user);
        Http.Response submitted = user.http().send(user.request("/api/practice/attempts/" + attempt + "/submissions")
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(code(code))).build());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> user.get("/api/practice/submissions/" + id).json().get("status").asString()
                        .equals("graded"));
        return id;
    }

    public static String openSession(SignedIn user, String exerciseId) {
        String body = exerciseId == null ? "{}" : "{\"exerciseId\":\"" + exerciseId + "\"}";
        return user.postJson("/api/coaching/sessions", body).json().get("id").asString();
    }

    public static Http.Response post(SignedIn user, String session, String message) {
        Http.Response response = user.http().send(user.request("/api/coaching/sessions/" + session + "/messages")
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":" + JSON.writeValueAsString(message) + "}"))
                .build());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
