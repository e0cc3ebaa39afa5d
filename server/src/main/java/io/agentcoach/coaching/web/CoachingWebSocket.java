package io.agentcoach.coaching.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agentcoach.coaching.LearnerContext;
import io.agentcoach.coaching.web.MessageStreams.PostMessage;
import io.agentcoach.identity.AuthenticatedHandshakes;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Coaching answers over a WebSocket at {@code /api/coaching/ws}, signed in like any API call (the
 * handshake carries the bearer token or API key). Each text frame the client sends is one message,
 * {@code {"sessionId": "...", "message": "...", "context": {...}}} (the SSE request body plus the
 * session); the server answers with the SSE events as frames, {@code {"event": "token", "data":
 * {"text": "..."}}} then {@code {"event": "answer", "data": {...}}}. A frame that is not valid JSON,
 * fails validation, or is refused (unknown session, rate limit, an answer still streaming) gets
 * {@code {"event": "error", "data": <problem details>}} and the connection stays open. A frame
 * {@code {"type": "stop", "sessionId": "..."}} stops the answer streaming in that session (its
 * {@code answer} event then says {@code "stopped": true}); a closed connection stops it too.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class CoachingWebSocket extends TextWebSocketHandler implements WebSocketConfigurer {

    static final String PATH = "/api/coaching/ws";
    private static final Logger log = LoggerFactory.getLogger(CoachingWebSocket.class);

    /** A message frame, or a stop frame ({@code type} "stop"); {@code type} is absent from message frames. */
    record Frame(String type, UUID sessionId, String message, LearnerContext context) {
    }

    static final String STOP = "stop";

    private final AuthenticatedHandshakes handshakes;
    private final MessageStreams streams;
    private final JsonMapper json;
    private final Validator validator;

    CoachingWebSocket(AuthenticatedHandshakes handshakes, MessageStreams streams, JsonMapper json,
            Validator validator) {
        this.handshakes = handshakes;
        this.streams = streams;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, PATH).addInterceptors(handshakes.requiring(Scopes.COACH_CHAT));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        CurrentUser user = AuthenticatedHandshakes.user(session);
        Frame frame;
        try {
            frame = json.readValue(message.getPayload(), Frame.class);
        } catch (JacksonException malformed) {
            error(session, 400, "malformed-request", "Malformed message",
                    "A message is one JSON object: {\"sessionId\": \"...\", \"message\": \"...\", \"context\": {...}}.",
                    Map.of());
            return;
        }
        if (frame == null || frame.sessionId() == null) {
            error(session, 400, "validation-failed", "Invalid message", "sessionId is required.",
                    Map.of("errors", List.of(Map.of("field", "sessionId", "message", "must not be null"))));
            return;
        }
        if (STOP.equals(frame.type())) {
            try {
                Tenants.runAs(user.organizationId(), () -> streams.stop(user, frame.sessionId()));
            } catch (ErrorResponseException refused) {
                error(session, refused);
            }
            return;
        }
        PostMessage request = new PostMessage(frame.message(), frame.context());
        Set<ConstraintViolation<PostMessage>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Map<String, String>> errors = violations.stream()
                    .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
            error(session, 400, "validation-failed", "Invalid message", "The message breaks its rules.",
                    Map.of("errors", errors));
            return;
        }
        try {
            // connections are bound to the tenant per thread; this is not a request thread
            Tenants.runAs(user.organizationId(), () -> streams.start(user, frame.sessionId(), request, sink(session)));
        } catch (ErrorResponseException refused) {
            error(session, refused);
        }
    }

    private void error(WebSocketSession session, ErrorResponseException refused) {
        send(session, "error", Problems.body(refused));
    }

    private MessageStreams.Sink sink(WebSocketSession session) {
        return new MessageStreams.Sink() {
            @Override
            public boolean send(String event, Object data) {
                return CoachingWebSocket.this.send(session, event, data);
            }

            @Override
            public void complete() {
                // the connection stays open for the next message
            }

            @Override
            public void fail(Throwable cause) {
                log.error("Coaching answer failed", cause);
                error(session, 500, "internal-error", "Internal error", "The answer could not be completed.", Map.of());
            }
        };
    }

    private void error(WebSocketSession session, int status, String slug, String title, String detail,
            Map<String, Object> extra) {
        send(session, "error", Problems.body(status, slug, title, detail, extra));
    }

    /** Sends one frame; false once the client went away. */
    private boolean send(WebSocketSession session, String event, Object data) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", event);
        frame.put("data", data);
        String text = json.writeValueAsString(frame);
        // a WebSocket session takes one message at a time; answers stream from their own threads
        synchronized (session) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                session.sendMessage(new TextMessage(text));
                return true;
            } catch (IOException clientGone) {
                // the client went away: the answer stops, and what streamed is stored
                return false;
            }
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
        session.close(CloseStatus.SERVER_ERROR);
    }
}
