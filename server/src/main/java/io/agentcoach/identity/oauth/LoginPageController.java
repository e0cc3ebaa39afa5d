package io.agentcoach.identity.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the authorization code flow: the web app and the CLI send the browser to
 * {@code /oauth2/authorize}, which shows this page to a person who is not signed in yet.
 */
@RestController
class LoginPageController {

    @GetMapping(path = "/oauth2/login", produces = MediaType.TEXT_HTML_VALUE)
    String loginPage(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = request.getParameter("error") != null
                ? "<p role=\"alert\">The email or password is not correct, or the account is locked for now.</p>"
                : "";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in · AgentCoach</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1>Sign in to AgentCoach</h1>%s
                <form method="post" action="/oauth2/login">
                <label>Email <input type="email" name="username" autocomplete="username" required></label>
                <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Sign in</button>
                </form></main></body></html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
