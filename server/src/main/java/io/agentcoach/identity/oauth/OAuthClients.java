package io.agentcoach.identity.oauth;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.security.RoleScopes;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The first-party clients: the web app and the CLI. Both are public (they cannot keep a secret),
 * so both must use PKCE; both get refresh tokens that rotate on every use.
 */
final class OAuthClients {

    static final String WEB = "agentcoach-web";
    static final String CLI = "agentcoach-cli";

    private OAuthClients() {
    }

    /** Registers the first-party clients, or updates them to the current settings. */
    static void register(RegisteredClientRepository clients, IdentitySettings settings) {
        clients.save(publicClient(clients, WEB, "AgentCoach web app", settings, b -> settings.webRedirectUris()
                .forEach(b::redirectUri)));
        clients.save(publicClient(clients, CLI, "AgentCoach CLI", settings, b -> b.redirectUri(settings.cliRedirectUri())));
    }

    /**
     * The origins the clients receive codes at, as CSP source expressions: where the sign-in
     * pages' form posts end up after the authorization endpoint's redirect. The CLI's is a loopback
     * address on whatever port it listens (RFC 8252), so any port of it.
     */
    static List<String> redirectOrigins(IdentitySettings settings) {
        return Stream.concat(settings.webRedirectUris().stream().map(uri -> origin(uri, false)),
                Stream.of(origin(settings.cliRedirectUri(), true))).distinct().toList();
    }

    private static String origin(String uri, boolean anyPort) {
        URI parsed = URI.create(uri);
        String port = anyPort ? ":*" : parsed.getPort() < 0 ? "" : ":" + parsed.getPort();
        return parsed.getScheme() + "://" + parsed.getHost() + port;
    }

    private static RegisteredClient publicClient(RegisteredClientRepository clients, String clientId, String name,
            IdentitySettings settings, java.util.function.Consumer<RegisteredClient.Builder> redirects) {
        RegisteredClient existing = clients.findByClientId(clientId);
        RegisteredClient.Builder builder = RegisteredClient
                .withId(existing != null ? existing.getId() : UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build());
        RoleScopes.all().forEach(builder::scope);
        redirects.accept(builder);
        if (existing != null) {
            builder.clientIdIssuedAt(existing.getClientIdIssuedAt());
        }
        return builder.build();
    }
}
