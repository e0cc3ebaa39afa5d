package io.agentcoach.identity.oauth;

import java.util.List;

import io.agentcoach.identity.account.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.web.ErrorResponseException;

/**
 * Checks the password typed into the authorization server's login page with the same rules as
 * the API login (lockout included). The authenticated principal's name is the user's id. A person
 * with a second factor is then only half signed in: {@link SecondFactorStep} asks for the code
 * before an authorization can complete.
 */
final class PasswordLogins implements AuthenticationProvider {

    private final Accounts accounts;

    PasswordLogins(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            Accounts.PasswordChecked checked = accounts.authenticatePassword(authentication.getName(),
                    String.valueOf(authentication.getCredentials()));
            if (!checked.secondFactorEnabled()) {
                accounts.signedIn(checked.userId(), null, false);
            }
            // the factor's time becomes the ID token's auth_time
            return UsernamePasswordAuthenticationToken.authenticated(checked.userId().toString(), null,
                    List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
                throw new LockedException("Too many failed logins; try again later.");
            }
            throw new BadCredentialsException("The email or password is not correct.");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
