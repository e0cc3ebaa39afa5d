package io.agentcoach.identity.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.account.Accounts;
import io.agentcoach.identity.mfa.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The second step of signing in through the authorization server: a person whose password was
 * right and who has a second factor types a code from their authenticator app (or a recovery
 * code). A right code upgrades the session (new session id) and resumes the authorization that
 * was held back ({@link SecondFactorStep}); the tokens it issues then say {@code amr: [pwd, otp]}.
 */
@RestController
class SecondFactorPageController {

    private static final int MAX_CODE_LENGTH = 20;

    private final SecondFactors secondFactors;
    private final Accounts accounts;
    private final HttpSessionRequestCache requests = SecondFactorStep.pendingRequests();
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorPageController(SecondFactors secondFactors, Accounts accounts) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
    }

    @GetMapping(path = SecondFactorStep.PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        return page(request, HttpStatus.OK, null);
    }

    @PostMapping(path = SecondFactorStep.PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!SecondFactorStep.awaitsCode(secondFactors, current)) {
            return resume(request, response);
        }
        UUID userId = UUID.fromString(current.getName());
        if (code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            return page(request, HttpStatus.BAD_REQUEST, "Enter the six-digit code from your authenticator app "
                    + "or one of your recovery codes.");
        }
        try {
            secondFactors.verify(userId, null, code);
        } catch (ErrorResponseException e) {
            return e.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)
                    ? page(request, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong codes; sign-in is locked for now. "
                            + "Try again later.")
                    : page(request, HttpStatus.BAD_REQUEST, "That code is not correct, has expired or was already "
                            + "used. Try the current code.");
        }
        accounts.signedIn(userId, null, true);
        List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactorStep.TOTP_AUTHORITY));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.getName(), null,
                authorities));
        SecurityContextHolder.setContext(context);
        // a session that gained a factor gets a new id, so an id planted before cannot ride on it
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        return resume(request, response);
    }

    /** Continues the authorization that waited for the code (or goes home when there is none). */
    private ResponseEntity<String> resume(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest held = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String next = held != null ? held.getRedirectUrl() : request.getContextPath() + "/";
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", next).build();
    }

    private static ResponseEntity<String> page(HttpServletRequest request, HttpStatus status, String error) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = error == null ? "" : "<p role=\"alert\" id=\"code-error\">" + HtmlUtils.htmlEscape(error) + "</p>";
        String described = error == null ? "code-help" : "code-help code-error";
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Two-step sign-in · AgentCoach</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1>Two-step sign-in</h1>%s
                <form method="post" action="%s">
                <label for="code">Code</label>
                <p id="code-help">Enter the six-digit code your authenticator app shows, or one of your recovery codes.</p>
                <input id="code" name="code" autocomplete="one-time-code" inputmode="text" maxlength="%d" required
                 autofocus aria-describedby="%s">
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Verify</button>
                </form></main></body></html>
                """.formatted(message, request.getContextPath() + SecondFactorStep.PAGE, MAX_CODE_LENGTH, described,
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
