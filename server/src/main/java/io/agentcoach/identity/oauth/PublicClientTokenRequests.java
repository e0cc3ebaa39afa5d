package io.agentcoach.identity.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets public clients (the web app, the CLI) refresh and revoke their tokens. Spring's
 * authorization server authenticates a public client only on the code exchange, by its PKCE
 * verifier; OAuth 2.1 allows refresh tokens for public clients when they rotate on every use,
 * which ours do ({@link RotatingRefreshTokens}). Such a request names its {@code client_id} and
 * carries no secret; it is accepted for a registered client whose only authentication method is
 * {@code none}.
 */
final class PublicClientTokenRequests implements AuthenticationConverter, AuthenticationProvider {

    private static final String MARKER_KEY = PublicClientTokenRequests.class.getName();
    /** Compared by identity, so no request parameter can imitate it. */
    private static final Object MARKER = new Object();

    private final RegisteredClientRepository clients;

    PublicClientTokenRequests(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
        boolean revoke = request.getRequestURI().endsWith("/oauth2/revoke");
        if (clientId == null || (!refresh && !revoke) || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                java.util.Map.of(MARKER_KEY, MARKER));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
        // only requests this converter made: a code exchange whose PKCE check failed arrives here
        // too, and must stay refused
        if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
                || request.getAdditionalParameters().get(MARKER_KEY) != MARKER) {
            return null;
        }
        RegisteredClient client = clients.findByClientId(String.valueOf(request.getPrincipal()));
        if (client == null || !client.getClientAuthenticationMethods().equals(
                java.util.Set.of(ClientAuthenticationMethod.NONE))) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
