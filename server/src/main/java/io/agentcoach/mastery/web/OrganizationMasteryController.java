package io.agentcoach.mastery.web;

import java.util.List;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.mastery.AtRiskLearners;
import io.agentcoach.mastery.TeamProgress;
import io.agentcoach.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mastery across the caller's organization, for its admins and instructors (scope analytics:read). */
@RestController
@RequestMapping("/api/mastery/organization")
class OrganizationMasteryController {

    static final int MAX_DAYS = 365;

    private final AtRiskLearners atRisk;
    private final TeamProgress progress;
    private final CurrentUsers currentUsers;

    OrganizationMasteryController(AtRiskLearners atRisk, TeamProgress progress, CurrentUsers currentUsers) {
        this.atRisk = atRisk;
        this.progress = progress;
        this.currentUsers = currentUsers;
    }

    record AtRiskView(int days, int failureStreak, List<AtRiskLearners.AtRisk> learners) {
    }

    /** Learners with no answer in {@code days} days or repeated failures on a skill, with the evidence. */
    @GetMapping("/at-risk")
    AtRiskView atRisk(@RequestParam(defaultValue = "14") int days) {
        CurrentUser user = currentUsers.require(Scopes.ANALYTICS_READ);
        if (days < 1 || days > MAX_DAYS) {
            throw Problems.badRequest("days must be between 1 and " + MAX_DAYS + ".");
        }
        return new AtRiskView(days, AtRiskLearners.FAILURE_STREAK, atRisk.of(user.organizationId(), days));
    }

    /** Every member's progress and the organization's last 12 weeks; org admins and instructors only. */
    @GetMapping("/progress")
    TeamProgress.Progress progress() {
        CurrentUser user = currentUsers.require(Scopes.ANALYTICS_READ);
        if (!user.has(Role.ORG_ADMIN) && !user.has(Role.INSTRUCTOR)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only the organization's admins and instructors see its members' progress.");
        }
        return progress.of(user.organizationId());
    }
}
