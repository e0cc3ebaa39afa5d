package io.agentcoach.identity;

import java.util.Optional;

import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;

/**
 * Who is calling. Other modules ask this instead of reading security internals; identity
 * provides the implementation.
 */
public interface CurrentUsers {

    /** The authenticated caller, if the request carries valid credentials. */
    Optional<CurrentUser> current();

    /** The authenticated caller, or a 401 problem. */
    default CurrentUser require() {
        return current().orElseThrow(() -> Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Authentication required", "Sign in or send a valid bearer token or API key."));
    }

    /** The caller, who must hold {@code scope}; 401 without credentials, 403 without the scope. */
    default CurrentUser require(String scope) {
        CurrentUser user = require();
        if (!user.hasScope(scope)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "This credential does not carry the scope " + scope + ".");
        }
        return user;
    }
}
