package io.agentcoach.identity.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Set;

import io.agentcoach.identity.RateLimits;
import io.agentcoach.identity.RateLimits.Decision;
import io.agentcoach.platform.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Limits by client address, before any authentication: the sign-in and account endpoints
 * (password login, sign-up, password reset, password change, accepting an invitation, the OAuth
 * token endpoint and sign-in form) with the strict {@code sensitive} quota whatever they carry,
 * and other requests to the API and the authorization server that carry no credentials with the
 * {@code anonymous} quota. Requests with credentials are limited per caller once authenticated
 * ({@link CallerRateLimitFilter}), and refused here while their address is blocked for sending too
 * many invalid ones ({@link FailedAuthentications}); the web app's files, health probes and metrics
 * are not limited.
 *
 * <p>The address is the connection's peer, so behind a reverse proxy set
 * {@code server.forward-headers-strategy} (docs/operations.md). IPv6 clients are counted per /64,
 * the block one subscriber usually holds.
 */
final class ClientAddressRateLimitFilter extends RateLimitFilter {

    static final String SENSITIVE = "sensitive";
    static final String ANONYMOUS = "ip";

    private static final Set<String> SENSITIVE_POSTS = Set.of("/api/invitations/accept", "/api/me/password",
            "/oauth2/token", "/oauth2/login", "/oauth2/mfa");
    private static final String[] LIMITED_PREFIXES = {"/api/", "/oauth2/", "/.well-known/", "/userinfo", "/connect/"};

    private final RateLimits limits;
    private final RateLimitSettings settings;
    private final FailedAuthentications failures;

    ClientAddressRateLimitFilter(RateLimits limits, RateLimitSettings settings, FailedAuthentications failures,
            ProblemResponses problems) {
        super(problems);
        this.limits = limits;
        this.settings = settings;
        this.failures = failures;
    }

    @Override
    Decision decide(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isSensitive(request.getMethod(), path)) {
            return limits.take(SENSITIVE, clientAddress(request), settings.sensitive());
        }
        if (!isLimited(path)) {
            return null;
        }
        if (carriesCredentials(request)) {
            return failures.blocked(request);
        }
        return limits.take(ANONYMOUS, clientAddress(request), settings.anonymous());
    }

    static boolean isSensitive(String method, String path) {
        return "POST".equals(method) && (path.startsWith("/api/auth/") || SENSITIVE_POSTS.contains(path));
    }

    private static boolean isLimited(String path) {
        for (String prefix : LIMITED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("X-API-Key") != null;
    }

    /** The peer address; for IPv6 its /64 prefix. */
    static String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        try {
            if (InetAddress.ofLiteral(address) instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "/64";
            }
        } catch (IllegalArgumentException notAnAddress) {
            // a unix socket or a test double: count it as given
        }
        return address;
    }
}
