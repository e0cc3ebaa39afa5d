package io.agentcoach.identity.organizations;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.Role;
import io.agentcoach.platform.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organization and, for its admins, its members. */
@RestController
@RequestMapping("/api/organizations/{organizationId}")
class OrganizationController {

    private final Organizations organizations;

    OrganizationController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    Organizations.Organization get(@PathVariable UUID organizationId) {
        return organizations.get(organizationId);
    }

    @GetMapping("/members")
    List<Organizations.Member> members(@PathVariable UUID organizationId) {
        return organizations.members(organizationId);
    }

    @PatchMapping("/members/{userId}")
    Organizations.Member update(@PathVariable UUID organizationId, @PathVariable UUID userId,
            @RequestBody MemberChange change) {
        return organizations.update(organizationId, userId, change.role() == null ? null : role(change.role()),
                change.active());
    }

    private static Role role(String name) {
        return switch (name) {
            case "learner" -> Role.LEARNER;
            case "instructor" -> Role.INSTRUCTOR;
            case "org_admin" -> Role.ORG_ADMIN;
            default -> throw Problems.badRequest("role must be one of learner, instructor, org_admin.");
        };
    }

    record MemberChange(String role, Boolean active) {
    }
}
