package io.agentcoach.mastery.web;

import java.util.List;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.mastery.AtRiskLearners;
import io.agentcoach.platform.Problems;
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
    private final CurrentUsers currentUsers;

    OrganizationMasteryController(AtRiskLearners atRisk, CurrentUsers currentUsers) {
        this.atRisk = atRisk;
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
}
