package io.agentcoach.identity.oauth;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.account.Accounts;
import io.agentcoach.identity.mfa.SecondFactors;
import io.agentcoach.identity.security.AccessTokens;
import io.agentcoach.identity.security.SigningKeys;
import io.agentcoach.platform.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The OAuth 2.1 authorization server (Spring Security's): authorization code with PKCE for the
 * public first-party clients, OIDC discovery ({@code /.well-known/openid-configuration}), JWKS
 * ({@code /oauth2/jwks}), token ({@code /oauth2/token}), revocation ({@code /oauth2/revoke}) and
 * a sign-in page ({@code /oauth2/login}) followed, for people with a second factor, by a code page
 * ({@code /oauth2/mfa}). Service integrations use the client credentials grant with confidential
 * clients their organization registered ({@link ServiceClients}). Authorizations live in the database, so tokens survive
 * a restart and work on every node. Access tokens are the same JWTs as the API login issues,
 * signed by {@link SigningKeys}. This chain alone keeps a session, and only for the sign-in step
 * of the authorization code flow.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final String LOGIN_PAGE = "/oauth2/login";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, SigningKeys keys, Accounts accounts, JwtDecoder jwtDecoder,
            SecondFactors secondFactors, ServiceClients serviceClients, IdentitySettings settings,
            JdbcClient jdbc) {
        PublicClientTokenRequests publicClients = new PublicClientTokenRequests(clients);
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(claims(keys, accounts, serviceClients));
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(),
                    PathPatternRequestMatcher.withDefaults().matcher(LOGIN_PAGE),
                    PathPatternRequestMatcher.withDefaults().matcher(SecondFactorStep.PAGE)));
            server.registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .tokenGenerator(new DelegatingOAuth2TokenGenerator(jwts, new RotatingRefreshTokenGenerator()))
                    .clientAuthentication(client -> client.authenticationConverter(publicClients)
                            .authenticationProvider(publicClients))
                    .oidc(Customizer.withDefaults());
        })
                .authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN_PAGE).permitAll()
                        .requestMatchers(SecondFactorStep.PAGE).authenticated()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll())
                .headers(SecurityHeaders.allowingFormsTo(OAuthClients.redirectOrigins(settings)))
                .authenticationProvider(new PasswordLogins(accounts))
                // a session from before a password change ends before anything else looks at it
                .addFilterAfter(new SignInSessions(jdbc), SecurityContextHolderFilter.class)
                .addFilterAfter(new SecondFactorStep(secondFactors), SecurityContextHolderFilter.class)
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(jwtDecoder)));
        return http.build();
    }

    /**
     * Access tokens carry the organization and roles like the API login's; their scopes are those
     * the client asked for and the person's roles allow; {@code amr} says whether the person gave
     * a second factor. A person no longer active anywhere gets no token, so refreshing stops
     * working the moment they are deactivated. A service client's token acts for the organization
     * that registered it ({@link ServiceClients}).
     */
    private static OAuth2TokenCustomizer<JwtEncodingContext> claims(SigningKeys keys, Accounts accounts,
            ServiceClients serviceClients) {
        return context -> {
            context.getJwsHeader().keyId(keys.current().getKeyID());
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                serviceClients.claims(context.getRegisteredClient(), context.getAuthorizedScopes(), context.getClaims());
                return;
            }
            CurrentUser caller = user(context.getPrincipal().getName())
                    .flatMap(accounts::callerInDefaultOrganization)
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
            Set<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
            scopes.retainAll(caller.scopes());
            context.getClaims()
                    .claim("org", caller.organizationId().toString())
                    // a mutable list: the claims are stored with the authorization, and only such
                    // collection types are allowed when it is read back
                    .claim("roles", caller.roles().stream().map(r -> r.name().toLowerCase()).sorted()
                            .collect(Collectors.toCollection(ArrayList::new)))
                    .claim("scope", String.join(" ", scopes))
                    .claim(AccessTokens.AMR, new ArrayList<>(AccessTokens.methods(context.getPrincipal().getAuthorities()
                            .stream().anyMatch(a -> SecondFactorStep.TOTP_AUTHORITY.equals(a.getAuthority())))));
        };
    }

    private static java.util.Optional<UUID> user(String principalName) {
        try {
            return java.util.Optional.of(UUID.fromString(principalName));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc, IdentitySettings settings) {
        JdbcRegisteredClientRepository clients = new JdbcRegisteredClientRepository(jdbc);
        OAuthClients.register(clients, settings);
        return clients;
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbcOperations, JdbcClient jdbc,
            RegisteredClientRepository clients, AuditLog audit) {
        return new RotatingRefreshTokens(new JdbcOAuth2AuthorizationService(jdbcOperations, clients), jdbc, audit);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
        if (!settings.issuer().isBlank()) {
            builder.issuer(settings.issuer());
        }
        return builder.build();
    }
}
