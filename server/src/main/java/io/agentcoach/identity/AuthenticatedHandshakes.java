package io.agentcoach.identity;

import java.io.IOException;
import java.util.Map;

import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs WebSocket connections in. A handshake is an ordinary HTTP request that identity has
 * already authenticated (bearer token, API key, or the browser's token as a query parameter);
 * the interceptor this hands out requires a caller holding the given scope and keeps them on the
 * socket's session for {@link #user(WebSocketSession)}. A handshake without credentials is
 * answered 401, one without the scope 403, each with its problem details as the body, exactly as
 * the same request to a REST endpoint would be; no socket is opened.
 */
@Component
public class AuthenticatedHandshakes {

    private static final String USER = AuthenticatedHandshakes.class.getName() + ".user";

    private final ObjectProvider<CurrentUsers> currentUsers;
    private final JsonMapper json;

    AuthenticatedHandshakes(ObjectProvider<CurrentUsers> currentUsers, JsonMapper json) {
        this.currentUsers = currentUsers;
        this.json = json;
    }

    /** An interceptor that lets only callers holding {@code scope} open the socket. */
    public HandshakeInterceptor requiring(String scope) {
        return new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                    WebSocketHandler handler, Map<String, Object> attributes) {
                try {
                    attributes.put(USER, caller(scope));
                    return true;
                } catch (ErrorResponseException refused) {
                    refuse(response, refused);
                    return false;
                }
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                    WebSocketHandler handler, Exception failure) {
            }
        };
    }

    /** Who opened {@code session}: the caller its handshake was signed in as. */
    public static CurrentUser user(WebSocketSession session) {
        Object user = session.getAttributes().get(USER);
        if (user instanceof CurrentUser signedIn) {
            return signedIn;
        }
        throw new IllegalStateException("WebSocket session " + session.getId()
                + " was not opened through AuthenticatedHandshakes.requiring");
    }

    private CurrentUser caller(String scope) {
        CurrentUsers users = currentUsers.getIfAvailable();
        if (users == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "Sign in or send a valid bearer token or API key.");
        }
        return users.require(scope);
    }

    private void refuse(ServerHttpResponse response, ErrorResponseException refused) {
        response.setStatusCode(refused.getStatusCode());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            response.getBody().write(json.writeValueAsBytes(refused.getBody()));
        } catch (IOException clientGone) {
            // nothing more to tell
        }
    }
}
