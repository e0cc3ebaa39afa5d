package io.agentcoach.identity.oauth;

import java.io.IOException;
import java.util.UUID;

import io.agentcoach.identity.mfa.SecondFactors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back an authorization request of a person who signed in with their password but has a
 * second factor and has not given its code yet: the request is remembered and the browser sent
 * to {@code /oauth2/mfa}, which resumes it once the code is right. Runs before the authorization
 * endpoint, which would otherwise issue a code for the half-signed-in person.
 */
final class SecondFactorStep extends OncePerRequestFilter {

    /** The authority a session gains by giving a correct TOTP or recovery code. */
    static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    static final String AUTHORIZE = "/oauth2/authorize";
    static final String PAGE = "/oauth2/mfa";

    private final SecondFactors secondFactors;
    private final HttpSessionRequestCache requests;

    SecondFactorStep(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.requests = pendingRequests();
    }

    /** Where the held-back authorization request waits (matched without a marker parameter). */
    static HttpSessionRequestCache pendingRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AUTHORIZE.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (awaitsCode(secondFactors, SecurityContextHolder.getContext().getAuthentication())) {
            requests.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code authentication} is a person's password sign-in still missing their second factor. */
    static boolean awaitsCode(SecondFactors secondFactors, Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication.getAuthorities().stream().noneMatch(
                        a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()))
                || authentication.getAuthorities().stream().anyMatch(a -> TOTP_AUTHORITY.equals(a.getAuthority()))) {
            return false;
        }
        try {
            return secondFactors.enabled(UUID.fromString(authentication.getName()));
        } catch (IllegalArgumentException notAPerson) {
            return false;
        }
    }
}
