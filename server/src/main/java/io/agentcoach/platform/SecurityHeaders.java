package io.agentcoach.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every response, for the web app, the API, the API description and the
 * sign-in pages alike; each security filter chain applies them with
 * {@code http.headers(SecurityHeaders.standard())} (the authorization server's with
 * {@link #allowingFormsTo}), so the policy is written down once.
 *
 * <p>The Content-Security-Policy allows only what this origin serves: the built web app loads its
 * scripts and style sheets as files (no inline script or style element; React sets style values
 * through the DOM and the code editor adds a constructed style sheet, neither of which the policy
 * governs), draws images from its own files or
 * {@code data:} URLs, and talks to its own origin, WebSockets included ({@code 'self'} matches
 * {@code ws:}/{@code wss:} of the same host in CSP Level 3 browsers). Nothing may frame a page
 * (clickjacking), rebase its URLs, embed plugins, or post a form elsewhere: form posts that end
 * in a redirect to another origin (the authorization server's sign-in pages sending the browser
 * back to a client) name those origins through {@link #allowingFormsTo}. Spring Security's
 * defaults stay on: {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} for
 * older browsers, no caching of responses that did not ask for it, HSTS on HTTPS requests.
 *
 * <p>Swagger UI ({@code /swagger-ui/index.html}) works under the same policy: its scripts and
 * style sheets are files too; only the inline {@code <style>} of its small logo is refused, which
 * leaves the logo without its colours. That is not worth {@code 'unsafe-inline'} on any page.
 */
public final class SecurityHeaders {

    /** Powerful features no page of this server uses; anything else keeps its browser default. */
    private static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    /** The headers of pages whose forms post only to this origin (and are only redirected within it). */
    public static Customizer<HeadersConfigurer<HttpSecurity>> standard() {
        return allowingFormsTo(List.of());
    }

    /**
     * As {@link #standard()}, for pages whose form posts may end in a redirect to one of
     * {@code formTargets} (CSP source expressions such as {@code http://127.0.0.1:*}): browsers
     * check {@code form-action} on every redirect of a form submission.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> allowingFormsTo(Collection<String> formTargets) {
        String policy = contentSecurityPolicy(formTargets);
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    private static String contentSecurityPolicy(Collection<String> formTargets) {
        Set<String> formAction = new LinkedHashSet<>(List.of("'self'"));
        formAction.addAll(formTargets);
        return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
                "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                "base-uri 'self'", "form-action " + String.join(" ", formAction));
    }
}
