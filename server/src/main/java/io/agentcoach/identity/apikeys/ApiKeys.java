package io.agentcoach.identity.apikeys;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.security.Digests;
import io.agentcoach.identity.security.RoleScopes;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys: long-lived credentials for scripts and integrations. A key belongs to one person in
 * one organization and carries a subset of the scopes that person's roles allow. The secret is
 * 256 random bits, shown once at creation and stored only as its SHA-256 hash (a slow password
 * hash buys nothing for a secret with that much entropy, and every request checks it).
 */
@Service
public class ApiKeys {

    /** Every API key secret starts with this, so it can be told apart from a JWT. */
    public static final String SECRET_PREFIX = "ak_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiKeys(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Creates a key for the caller; scopes beyond what the caller holds are refused. */
    public Created create(CurrentUser owner, String name, Set<String> scopes, Instant expiresAt) {
        Set<String> unknown = new TreeSet<>(scopes);
        unknown.removeAll(RoleScopes.all());
        if (!unknown.isEmpty()) {
            throw Problems.badRequest("Unknown scopes: " + String.join(", ", unknown) + ".");
        }
        // hasScope, not scopes(): a scope that only an admin role gives needs a verified sign-in
        Set<String> beyond = new TreeSet<>(scopes.stream().filter(scope -> !owner.hasScope(scope)).toList());
        if (!beyond.isEmpty()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "You cannot give a key scopes you do not hold: " + String.join(", ", beyond) + ".");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw Problems.badRequest("The expiry must lie in the future.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        String prefix = secret.substring(0, 10);
        jdbc.sql("""
                insert into api_keys (id, organization_id, user_id, name, prefix, secret_hash, scopes, expires_at,
                    second_factor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, owner.organizationId(), owner.userId(), name, prefix, Digests.sha256Hex(secret),
                        String.join(" ", new TreeSet<>(scopes)), utc(expiresAt), owner.secondFactor()).update();
        audit.record(owner.organizationId(), owner.userId(), "api_key.created", id.toString(),
                "scopes=" + String.join(" ", new TreeSet<>(scopes)));
        return new Created(find(owner, id).orElseThrow(), secret);
    }

    /** The caller's keys in the organization they act in, newest first; secrets are never listed. */
    public List<ApiKey> list(CurrentUser owner) {
        return jdbc.sql(SELECT + " where organization_id = ? and user_id = ? order by created_at desc, id")
                .params(owner.organizationId(), owner.userId()).query(ApiKeys::row).list();
    }

    /** Revokes one of the caller's keys; another person's key is "not found". */
    public ApiKey revoke(CurrentUser owner, UUID id) {
        int changed = jdbc.sql("""
                update api_keys set revoked_at = coalesce(revoked_at, current_timestamp)
                where id = ? and organization_id = ? and user_id = ?
                """).params(id, owner.organizationId(), owner.userId()).update();
        if (changed == 0) {
            throw Problems.notFound("API key " + id);
        }
        audit.record(owner.organizationId(), owner.userId(), "api_key.revoked", id.toString(), null);
        return find(owner, id).orElseThrow();
    }

    /**
     * The caller a key secret stands for, or empty when the key is unknown, revoked or expired, or
     * its owner is no longer an active member. Counts the use. The key's scopes are narrowed to
     * what the owner's current roles still allow; it may use admin rights only when it was created
     * by a sign-in verified with a second factor.
     */
    public Optional<CurrentUser> authenticate(String secret) {
        if (!secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        // the tenant is what this lookup finds out
        return Tenants.callAsSystem(() -> lookUp(secret));
    }

    private Optional<CurrentUser> lookUp(String secret) {
        Optional<KeyOwner> owner = jdbc.sql("""
                select k.id, k.organization_id, k.user_id, k.scopes, m.role, u.platform_admin, k.second_factor
                from api_keys k
                join memberships m on m.organization_id = k.organization_id and m.user_id = k.user_id
                join users u on u.id = k.user_id
                where k.secret_hash = ? and k.revoked_at is null
                  and (k.expires_at is null or k.expires_at > current_timestamp)
                  and m.active and u.active
                """).param(Digests.sha256Hex(secret)).query((rs, n) -> new KeyOwner(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getBoolean(7))).optional();
        owner.ifPresent(o -> jdbc.sql("""
                update api_keys set last_used_at = current_timestamp, usage_count = usage_count + 1 where id = ?
                """).param(o.keyId()).update());
        return owner.map(KeyOwner::caller);
    }

    private Optional<ApiKey> find(CurrentUser owner, UUID id) {
        return jdbc.sql(SELECT + " where id = ? and organization_id = ? and user_id = ?")
                .params(id, owner.organizationId(), owner.userId()).query(ApiKeys::row).optional();
    }

    private static final String SELECT = """
            select id, name, prefix, scopes, expires_at, last_used_at, usage_count, revoked_at, created_at
            from api_keys""";

    private static ApiKey row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApiKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                new TreeSet<>(Arrays.asList(rs.getString(4).split(" "))), instant(rs.getObject(5, OffsetDateTime.class)),
                instant(rs.getObject(6, OffsetDateTime.class)), rs.getLong(7),
                instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An API key as its owner sees it; the secret is not part of it. */
    public record ApiKey(UUID id, String name, String prefix, Set<String> scopes, Instant expiresAt,
            Instant lastUsedAt, long usageCount, Instant revokedAt, Instant createdAt) {
    }

    /** A new key and its secret, which is never shown again. */
    public record Created(ApiKey key, String secret) {
    }

    private record KeyOwner(UUID keyId, UUID organizationId, UUID userId, String scopes, String role,
            boolean platformAdmin, boolean secondFactor) {
        CurrentUser caller() {
            Set<Role> roles = new LinkedHashSet<>();
            roles.add(Role.valueOf(role.toUpperCase()));
            if (platformAdmin) {
                roles.add(Role.PLATFORM_ADMIN);
            }
            Set<String> allowed = new TreeSet<>(Arrays.asList(scopes.split(" ")));
            allowed.retainAll(RoleScopes.allowedFor(roles));
            return new CurrentUser(userId, organizationId, roles, allowed, secondFactor);
        }
    }
}
