package io.agentcoach.coaching.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.agentcoach.coaching.session.CoachingSessions;
import io.agentcoach.coaching.web.MessageStreams.AllowanceView;
import io.agentcoach.coaching.web.MessageStreams.PostMessage;
import io.agentcoach.coaching.session.CoachingSessions.Owner;
import io.agentcoach.coaching.session.CoachingSessions.Session;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Coaching sessions over HTTP: open, list, read, rename and delete them; post a message and
 * receive the answer as server-sent events ({@code token} events, then one {@code answer} event;
 * {@link CoachingWebSocket} streams the same events over a WebSocket).
 */
@RestController
@RequestMapping("/api/coaching")
class CoachingSessionsController {

    record OpenSession(@Size(max = 200) String title, @Size(max = 200) String lessonId,
            @Size(max = 200) String exerciseId) {
    }

    record Rename(@NotBlank @Size(max = 200) String title) {
    }

    /** A session, its messages (answers with their tool calls) and the stored summary of its older turns. */
    record SessionView(Session session, List<CoachingSessions.Message> messages, String summary) {
    }

    private final ObjectProvider<CurrentUsers> currentUsers;
    private final CoachingSessions sessions;
    private final MessageStreams streams;

    CoachingSessionsController(ObjectProvider<CurrentUsers> currentUsers, CoachingSessions sessions,
            MessageStreams streams) {
        this.currentUsers = currentUsers;
        this.sessions = sessions;
        this.streams = streams;
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session open(@Valid @RequestBody OpenSession request) {
        String title = request.title() == null || request.title().isBlank() ? "New session" : request.title().strip();
        return sessions.open(owner(), title, request.lessonId(), request.exerciseId());
    }

    @GetMapping("/sessions")
    List<Session> list() {
        return sessions.list(owner());
    }

    @GetMapping("/sessions/{id}")
    SessionView read(@PathVariable UUID id) {
        Owner owner = owner();
        Session session = sessions.find(owner, id).orElseThrow(() -> Problems.notFound("Coaching session " + id));
        return new SessionView(session, sessions.messagesWithToolCalls(owner, id), sessions.summary(owner, id));
    }

    @PatchMapping("/sessions/{id}")
    Session rename(@PathVariable UUID id, @Valid @RequestBody Rename request) {
        Owner owner = owner();
        if (!sessions.rename(owner, id, request.title().strip())) {
            throw Problems.notFound("Coaching session " + id);
        }
        return sessions.find(owner, id).orElseThrow();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!sessions.delete(owner(), id)) {
            throw Problems.notFound("Coaching session " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/allowance")
    AllowanceView allowance() {
        return streams.allowance(user());
    }

    @PostMapping(path = "/sessions/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter post(@PathVariable UUID id, @Valid @RequestBody PostMessage request) {
        SseEmitter emitter = new SseEmitter(0L);
        streams.start(user(), id, request, new MessageStreams.Sink() {
            @Override
            public boolean send(String event, Object data) {
                try {
                    emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                    return true;
                } catch (IOException | IllegalStateException clientGone) {
                    // the client disconnected: the answer stops, and what streamed is stored
                    return false;
                }
            }

            @Override
            public void complete() {
                emitter.complete();
            }

            @Override
            public void fail(Throwable cause) {
                emitter.completeWithError(cause);
            }
        });
        return emitter;
    }

    /**
     * Stops the answer streaming in the session (the web app's Stop button): the provider's stream
     * is cancelled and the part streamed so far is stored, marked as stopped. 204 whether or not an
     * answer was streaming, so a stop that crosses the answer's end is not an error.
     */
    @DeleteMapping("/sessions/{id}/answer")
    ResponseEntity<Void> stopAnswer(@PathVariable UUID id) {
        streams.stop(user(), id);
        return ResponseEntity.noContent().build();
    }

    private Owner owner() {
        CurrentUser user = user();
        return new Owner(user.organizationId(), user.userId());
    }

    private CurrentUser user() {
        return caller(currentUsers, Scopes.COACH_CHAT);
    }

    /** The caller holding {@code scope}; 401 also while no identity implementation is present. */
    static CurrentUser caller(ObjectProvider<CurrentUsers> currentUsers, String scope) {
        CurrentUsers users = currentUsers.getIfAvailable();
        if (users == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "Sign in or send a valid bearer token or API key.");
        }
        return users.require(scope);
    }
}
