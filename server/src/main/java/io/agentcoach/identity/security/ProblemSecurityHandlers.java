package io.agentcoach.identity.security;

import java.io.IOException;
import java.util.Optional;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.ratelimit.FailedAuthentications;
import io.agentcoach.platform.ProblemResponses;
import io.agentcoach.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Answers requests that security turns away with the platform's problem documents: 401
 * {@code /problems/unauthorized} (with a {@code WWW-Authenticate: Bearer} challenge) when
 * credentials are missing or invalid (429 {@code /problems/rate-limited} instead once the client
 * address has sent too many invalid ones, see {@link FailedAuthentications}), 403 {@code /problems/forbidden} when they are valid but not
 * enough ({@code /problems/mfa-required} for a platform admin not verified by a second factor).
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;
    private final FailedAuthentications failures;

    ProblemSecurityHandlers(ProblemResponses problems, FailedAuthentications failures) {
        this.problems = problems;
        this.failures = failures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean invalid = failure instanceof OAuth2AuthenticationException || failure instanceof ApiKeyAuthenticationFilter.BadApiKeyException;
        if (invalid) {
            Optional<ErrorResponseException> throttled = failures.failed(request);
            if (throttled.isPresent()) {
                problems.write(request, response, throttled.get());
                return;
            }
        }
        ErrorResponseException problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Authentication required", invalid
                        ? "The bearer token or API key is not valid (malformed, expired, revoked or unknown)."
                        : "Sign in or send a valid bearer token or API key.");
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CurrentUserAuthentication caller
                && caller.user().roles().contains(Role.PLATFORM_ADMIN) && !caller.user().secondFactor()) {
            problems.write(request, response, CurrentUser.mfaRequired());
            return;
        }
        problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your role or the scopes of this credential do not allow this request."));
    }
}
