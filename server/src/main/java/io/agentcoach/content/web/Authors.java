package io.agentcoach.content.web;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;

/** Who may write content: instructors and org admins of the caller's organization. */
final class Authors {

    private Authors() {
    }

    /**
     * An instructor whose credential carries {@code content:write}, or an org admin whose credential
     * carries {@code org:admin} (identity gives org admins that scope rather than content:write).
     */
    static CurrentUser require(CurrentUsers users) {
        CurrentUser user = users.require();
        boolean instructor = user.has(Role.INSTRUCTOR) && user.hasScope(Scopes.CONTENT_WRITE);
        boolean admin = user.has(Role.ORG_ADMIN) && user.hasScope(Scopes.ORG_ADMIN);
        if (!instructor && !admin) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only instructors (scope content:write) and org admins (scope org:admin) write their "
                            + "organization's lessons and exercises.");
        }
        return user;
    }

    /**
     * A platform admin, or an instructor (scope content:write) of any organization: reloading re-reads
     * the shipped content/ and serves it only when all of it validates, so it changes nothing an
     * instructor could not already see.
     */
    static CurrentUser requireReloader(CurrentUsers users) {
        CurrentUser user = users.require();
        boolean platform = user.has(Role.PLATFORM_ADMIN);
        boolean instructor = user.has(Role.INSTRUCTOR) && user.hasScope(Scopes.CONTENT_WRITE);
        if (!platform && !instructor) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only instructors (scope content:write) and platform admins reload the curriculum.");
        }
        return user;
    }
}
