package io.agentcoach.identity.oauth;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.agentcoach.platform.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a sign-in session of the authorization server whose password was given before the person
 * last changed or reset it ({@code users.password_changed_at}): such a browser, on another device
 * or a thief's, would otherwise keep getting new authorization codes, and so tokens, without the
 * new password. It meets the sign-in page again instead. Read from the database, so a change on
 * one node ends sessions on every node; only requests that carry a signed-in session pay for it.
 */
final class SignInSessions extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    SignInSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()
                && passwordGivenAt(signedIn).filter(at -> outdated(signedIn.getName(), at)).isPresent()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private static Optional<Instant> passwordGivenAt(Authentication signedIn) {
        return signedIn.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority f
                        && FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(f.getAuthority()))
                .map(a -> ((FactorGrantedAuthority) a).getIssuedAt()).findFirst();
    }

    private boolean outdated(String principal, Instant passwordGivenAt) {
        UUID userId;
        try {
            userId = UUID.fromString(principal);
        } catch (IllegalArgumentException notAPerson) {
            return false;
        }
        return Tenants.callAsSystem(() -> jdbc.sql("select password_changed_at from users where id = ?")
                .param(userId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional().flatMap(changed -> changed)
                .map(changed -> changed.toInstant().isAfter(passwordGivenAt)).orElse(false));
    }
}
