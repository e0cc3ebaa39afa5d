package io.agentcoach.identity.oauth;


import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.security.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Stores authorizations in the database and detects refresh-token reuse. Every refresh replaces
 * the refresh token (clients are configured not to reuse them); the replaced token's hash is
 * remembered. When a replaced token is presented again, someone holds a copy of it — the client
 * or a thief — so the whole authorization (its current refresh token and the family descending
 * from the original grant) is revoked and everybody must sign in again.
 */
final class RotatingRefreshTokens implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RotatingRefreshTokens.class);

    private final OAuth2AuthorizationService delegate;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    RotatingRefreshTokens(OAuth2AuthorizationService delegate, JdbcClient jdbc, AuditLog audit) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization previous = delegate.findById(authorization.getId());
        String replaced = refreshToken(previous);
        if (replaced != null && !replaced.equals(refreshToken(authorization))) {
            jdbc.sql("insert into oauth2_rotated_refresh_token (token_hash, authorization_id) values (?, ?)")
                    .params(Digests.sha256Hex(replaced), authorization.getId()).update();
        }
        delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = delegate.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            jdbc.sql("select authorization_id from oauth2_rotated_refresh_token where token_hash = ?")
                    .param(Digests.sha256Hex(token)).query(String.class).optional()
                    .map(delegate::findById)
                    .ifPresent(family -> {
                        log.warn("A replaced refresh token was presented again; revoking authorization {} of {}",
                                family.getId(), family.getPrincipalName());
                        delegate.remove(family);
                        audit.record(null, actor(family.getPrincipalName()), "refresh_token.reused", family.getId(),
                                "authorization revoked");
                    });
        }
        return found;
    }

    private static java.util.UUID actor(String principalName) {
        try {
            return java.util.UUID.fromString(principalName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String refreshToken(OAuth2Authorization authorization) {
        if (authorization == null) {
            return null;
        }
        OAuth2Authorization.Token<OAuth2RefreshToken> token = authorization.getRefreshToken();
        return token == null ? null : token.getToken().getTokenValue();
    }
}
