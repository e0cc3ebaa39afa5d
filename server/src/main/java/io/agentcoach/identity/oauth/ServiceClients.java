package io.agentcoach.identity.oauth;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.identity.organizations.Organizations;
import io.agentcoach.identity.security.AccessTokens;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confidential OAuth clients that an organization's admins register for service integrations.
 * A client authenticates with its secret (HTTP Basic or form) at {@code /oauth2/token} with the
 * client credentials grant; its tokens act for that organization with exactly the scopes it was
 * granted (or the subset a token request names), never more. Grantable are the organization-level
 * scopes an org admin holds: {@code content:read}, {@code content:write}, {@code analytics:read}
 * and, only when listed explicitly, {@code org:admin}; person-level scopes ({@code profile},
 * {@code coach:chat}, {@code practice:submit}) are not, since a client is nobody's account. The
 * secret is shown once and stored as a bcrypt hash in the authorization server's client table.
 * Deleting a client makes its token requests fail and its issued tokens invalid at once.
 */
@Service
public class ServiceClients {

    /** The scopes a service client may be granted. */
    public static final Set<String> GRANTABLE = Set.of(Scopes.CONTENT_READ, Scopes.CONTENT_WRITE,
            Scopes.ANALYTICS_READ, Scopes.ORG_ADMIN);
    static final String ORGANIZATION_SETTING = "agentcoach.organization-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository clients;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final IdentitySettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ServiceClients(RegisteredClientRepository clients, Organizations organizations, JdbcClient jdbc,
            PasswordEncoder passwords, IdentitySettings settings, AuditLog audit,
            PlatformTransactionManager transactionManager) {
        this.clients = clients;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.settings = settings;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Registers a client for {@code organizationId}; the caller must administer it. */
    public Registered register(UUID organizationId, String name, Set<String> scopes) {
        CurrentUser admin = organizations.administer(organizationId);
        Set<String> unknown = new TreeSet<>(scopes);
        unknown.removeAll(GRANTABLE);
        if (!unknown.isEmpty()) {
            throw Problems.badRequest("Scopes a service client cannot be granted: " + String.join(", ", unknown)
                    + ". Grantable: " + String.join(", ", new TreeSet<>(GRANTABLE)) + ".");
        }
        Set<String> beyond = new TreeSet<>(scopes.stream().filter(scope -> !admin.hasScope(scope)).toList());
        if (!beyond.isEmpty()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "You cannot grant scopes you do not hold: " + String.join(", ", beyond) + ".");
        }
        String clientId = UUID.randomUUID().toString();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Set<String> granted = new TreeSet<>(scopes);
        RegisteredClient client = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(name)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(granted))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false)
                        .setting(ORGANIZATION_SETTING, organizationId.toString()).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build())
                .build();
        Tenants.runAs(organizationId, () -> transactions.executeWithoutResult(s -> {
            clients.save(client);
            jdbc.sql("""
                    insert into oauth_clients (client_id, organization_id, name, scopes, created_by)
                    values (?, ?, ?, ?, ?)
                    """).params(clientId, organizationId, name, String.join(" ", granted), admin.userId()).update();
        }));
        audit.record(organizationId, admin.userId(), "oauth_client.created", clientId,
                "scopes=" + String.join(" ", granted));
        return new Registered(clientId, secret, name, granted);
    }

    /** The organization's clients, oldest first; secrets are never listed. */
    public List<Client> list(UUID organizationId) {
        organizations.administer(organizationId);
        return Tenants.callAs(organizationId, () -> jdbc.sql("""
                select client_id, name, scopes, created_at from oauth_clients where organization_id = ?
                order by created_at, client_id
                """).param(organizationId).query((rs, n) -> new Client(rs.getString(1), rs.getString(2),
                        new TreeSet<>(Arrays.asList(rs.getString(3).split(" "))),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).list());
    }

    /** Deletes a client with its authorizations: new token requests fail, issued tokens stop working. */
    public void delete(UUID organizationId, String clientId) {
        CurrentUser admin = organizations.administer(organizationId);
        boolean deleted = Tenants.callAs(organizationId, () -> transactions.execute(s -> {
            if (jdbc.sql("delete from oauth_clients where client_id = ? and organization_id = ?")
                    .params(clientId, organizationId).update() == 0) {
                return false;
            }
            jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(clientId).update();
            jdbc.sql("delete from oauth2_registered_client where id = ?").param(clientId).update();
            return true;
        }));
        if (!deleted) {
            throw Problems.notFound("OAuth client " + clientId);
        }
        audit.record(organizationId, admin.userId(), "oauth_client.deleted", clientId, null);
    }

    /**
     * The claims of a client credentials access token: the client's organization, the scopes the
     * request named (all granted ones when it named none), roles that match those scopes, and
     * {@code client: true}.
     */
    void claims(RegisteredClient client, Set<String> authorizedScopes, JwtClaimsSet.Builder claims) {
        String organization = client.getClientSettings().getSetting(ORGANIZATION_SETTING);
        if (organization == null) {
            // a first-party public client never gets here; anything else unregistered gets no token
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
        }
        Set<String> scopes = new TreeSet<>(authorizedScopes.isEmpty() ? client.getScopes() : authorizedScopes);
        scopes.retainAll(client.getScopes());
        claims.subject(client.getClientId())
                .claim("org", organization)
                .claim("roles", new ArrayList<>(List.of(roleFor(scopes).name().toLowerCase())))
                .claim("scope", String.join(" ", scopes))
                .claim(AccessTokens.CLIENT, true);
    }

    /** The least role whose checks the scopes can pass: org admin only with org:admin. */
    private static Role roleFor(Set<String> scopes) {
        if (scopes.contains(Scopes.ORG_ADMIN)) {
            return Role.ORG_ADMIN;
        }
        return scopes.contains(Scopes.CONTENT_WRITE) || scopes.contains(Scopes.ANALYTICS_READ) ? Role.INSTRUCTOR
                : Role.LEARNER;
    }

    /** A new client; {@code clientSecret} is shown only now. */
    public record Registered(String clientId, String clientSecret, String name, Set<String> scopes) {
    }

    /** A registered client as its organization's admins see it. */
    public record Client(String clientId, String name, Set<String> scopes, Instant createdAt) {
    }
}
