package io.agentcoach.identity.security;

import java.io.IOException;
import java.util.Optional;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.apikeys.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry an API key, either as {@code X-API-Key: ak_...} or as
 * {@code Authorization: Bearer ak_...}. A key that is unknown, revoked or expired ends the request
 * with 401; requests without a key pass on to the bearer-token (JWT) authentication.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    static final String PREFIX = ApiKeys.SECRET_PREFIX;
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = secret(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> user = apiKeys.authenticate(secret);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadApiKeyException());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CurrentUserAuthentication(user.get(), "api-key"));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String secret(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            return header.strip();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && authorization.startsWith(PREFIX, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    /**
     * Reads JWT bearer tokens only, leaving {@code Bearer ak_...} to this filter. A WebSocket handshake
     * may carry its token as the {@code access_token} query parameter instead, because browsers cannot
     * set headers on a WebSocket; every other request must use the header.
     */
    static BearerTokenResolver jwtOnlyResolver() {
        DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
        return request -> {
            if (request.getHeader(HEADER) != null || secret(request) != null) {
                return null;
            }
            String token = delegate.resolve(request);
            return token != null ? token : webSocketHandshakeToken(request);
        };
    }

    static final String QUERY_PARAMETER = "access_token";

    private static String webSocketHandshakeToken(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            return null;
        }
        String token = request.getParameter(QUERY_PARAMETER);
        return token == null || token.isBlank() ? null : token.strip();
    }

    /** An API key that is unknown, revoked or expired. */
    static final class BadApiKeyException extends AuthenticationException {
        BadApiKeyException() {
            super("The API key is not valid.");
        }
    }
}
