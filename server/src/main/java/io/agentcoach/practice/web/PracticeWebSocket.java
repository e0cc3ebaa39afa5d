package io.agentcoach.practice.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.agentcoach.identity.AuthenticatedHandshakes;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import io.agentcoach.practice.internal.Practice;
import io.agentcoach.practice.internal.Practice.SubmissionView;
import io.agentcoach.practice.internal.SubmissionUpdates;
import io.agentcoach.practice.internal.Verdict;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading pushed over a WebSocket at {@code /ws/practice}, signed in like any API call (the
 * handshake carries the bearer token or API key; scope {@code practice:submit}). The client sends
 * {@code {"type": "subscribe", "submissionId": "..."}} for each of its own submissions; the server
 * answers with {@code {"type": "status", "submissionId", "status": "queued|running|graded|failed"}},
 * {@code {"type": "test", "submissionId", "test": {"name", "passed", "message", ...}}} as each test
 * finishes, and finally {@code {"type": "result", "submissionId", "submission": <as GET
 * /api/practice/submissions/{id}>}}. A frame that is not valid JSON, not a subscribe, or names a
 * submission that is not the caller's (another user's is answered exactly like a missing one) gets
 * {@code {"type": "error", "problem": <problem details>}} and the connection stays open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class PracticeWebSocket extends TextWebSocketHandler implements WebSocketConfigurer {

    static final String PATH = "/ws/practice";
    private static final String WATCHES = "agentcoach.practice.watches";

    private final AuthenticatedHandshakes handshakes;
    private final Practice practice;
    private final SubmissionUpdates updates;
    private final JsonMapper json;

    PracticeWebSocket(AuthenticatedHandshakes handshakes, Practice practice, SubmissionUpdates updates,
            JsonMapper json) {
        this.json = json;
        this.handshakes = handshakes;
        this.practice = practice;
        this.updates = updates;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, PATH).addInterceptors(handshakes.requiring(Scopes.PRACTICE_SUBMIT));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(WATCHES, new ConcurrentHashMap<UUID, Runnable>());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        CurrentUser user = AuthenticatedHandshakes.user(session);
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (JacksonException malformed) {
            error(session, 400, "malformed-request", "Malformed message",
                    "A message is one JSON object: {\"type\": \"subscribe\", \"submissionId\": \"...\"}.", Map.of());
            return;
        }
        if (frame == null || !frame.isObject() || !"subscribe".equals(frame.path("type").asString(""))) {
            error(session, 400, "validation-failed", "Invalid message", "The only message is a subscribe.",
                    Map.of("errors", List.of(Map.of("field", "type", "message", "must be \"subscribe\""))));
            return;
        }
        UUID submissionId;
        try {
            submissionId = UUID.fromString(frame.path("submissionId").asString(""));
        } catch (IllegalArgumentException e) {
            error(session, 400, "validation-failed", "Invalid message", "submissionId must be a submission's id.",
                    Map.of("errors", List.of(Map.of("field", "submissionId", "message", "must be a UUID"))));
            return;
        }
        subscribe(session, user, submissionId);
    }

    private void subscribe(WebSocketSession session, CurrentUser user, UUID submissionId) {
        try {
            // ownership first: another user's submission is answered exactly like one that does not exist
            Tenants.callAs(user.organizationId(), () -> practice.submission(user, submissionId));
        } catch (ErrorResponseException notFound) {
            problem(session, notFound);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<UUID, Runnable> watches = (Map<UUID, Runnable>) session.getAttributes().get(WATCHES);
        AtomicBoolean done = new AtomicBoolean();
        Runnable stop = updates.watch(submissionId, new SubmissionUpdates.Watcher() {
            @Override
            public void status(UUID id, String status) {
                if (!done.get()) {
                    sendStatus(session, id, status);
                }
            }

            @Override
            public void test(UUID id, Verdict.Test test) {
                if (!done.get()) {
                    send(session, frame("test", id, "test", test));
                }
            }

            @Override
            public void finished(UUID id) {
                finish(session, user, id, done, watches);
            }
        });
        Runnable previous = watches.put(submissionId, stop);
        if (previous != null) {
            previous.run();
        }
        // read again now that the watch is on: an outcome committed before it is seen here
        SubmissionView current = Tenants.callAs(user.organizationId(), () -> practice.submission(user, submissionId));
        if (isFinal(current.status())) {
            finish(session, user, submissionId, done, watches);
        } else {
            sendStatus(session, submissionId, current.status());
        }
    }

    private void finish(WebSocketSession session, CurrentUser user, UUID submissionId, AtomicBoolean done,
            Map<UUID, Runnable> watches) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        Runnable stop = watches.remove(submissionId);
        if (stop != null) {
            stop.run();
        }
        SubmissionView submission = Tenants.callAs(user.organizationId(), () -> practice.submission(user, submissionId));
        sendStatus(session, submissionId, submission.status());
        send(session, frame("result", submissionId, "submission", submission));
    }

    private static boolean isFinal(String status) {
        return "graded".equals(status) || "failed".equals(status);
    }

    /** The stored status in the words of the contract: a claimed submission is {@code running}. */
    private void sendStatus(WebSocketSession session, UUID submissionId, String status) {
        send(session, frame("status", submissionId, "status", "grading".equals(status) ? "running" : status));
    }

    private void problem(WebSocketSession session, ErrorResponseException refused) {
        errorFrame(session, Problems.body(refused));
    }

    private void error(WebSocketSession session, int status, String slug, String title, String detail,
            Map<String, Object> extra) {
        errorFrame(session, Problems.body(status, slug, title, detail, extra));
    }

    private void errorFrame(WebSocketSession session, Map<String, Object> problem) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("problem", problem);
        send(session, frame);
    }

    private static Map<String, Object> frame(String type, UUID submissionId, String key, Object value) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("submissionId", submissionId);
        frame.put(key, value);
        return frame;
    }

    private void send(WebSocketSession session, Map<String, Object> frame) {
        String text = json.writeValueAsString(frame);
        // a WebSocket session takes one message at a time; updates come from grading threads
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.sendMessage(new TextMessage(text));
            } catch (IOException clientGone) {
                // the client went away; its watches end when the connection closes
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        @SuppressWarnings("unchecked")
        Map<UUID, Runnable> watches = (Map<UUID, Runnable>) session.getAttributes().get(WATCHES);
        if (watches != null) {
            watches.values().forEach(Runnable::run);
            watches.clear();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
        session.close(CloseStatus.SERVER_ERROR);
    }
}
