package io.agentcoach.identity.audit;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.organizations.Organizations;
import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Org admins read their organization's audit log; platform admins verify the whole chain. */
@RestController
class AuditController {

    private final HashChainedAuditLog audit;
    private final Organizations organizations;
    private final CurrentUsers users;

    AuditController(HashChainedAuditLog audit, Organizations organizations, CurrentUsers users) {
        this.audit = audit;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/api/organizations/{organizationId}/audit")
    List<HashChainedAuditLog.Event> organizationLog(@PathVariable UUID organizationId,
            @RequestParam(defaultValue = "100") int limit) {
        organizations.administer(organizationId);
        return audit.latest(organizationId, Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/api/audit/verify")
    HashChainedAuditLog.Verification verify() {
        CurrentUser caller = users.require();
        // has() also demands the second factor of an admin
        if (!caller.roles().contains(Role.PLATFORM_ADMIN) || !caller.has(Role.PLATFORM_ADMIN)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Only a platform admin may verify the audit log.");
        }
        return audit.verify();
    }
}
