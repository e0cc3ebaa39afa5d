package io.agentcoach.coaching.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.agentcoach.coaching.gateway.UsageReports;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.platform.Problems;
import io.agentcoach.platform.Tenants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization administrator's view of the coach's model usage: per day, member and model, with
 * the budgets ({@code GET /api/coaching/organization/usage?from=&to=}, default the current month in
 * UTC). The report covers the caller's organization; naming another one is "not found" (a platform
 * administrator may name any).
 */
@RestController
@RequestMapping("/api/coaching/organization")
class CoachingUsageController {

    static final int MAX_DAYS = 366;

    private final ObjectProvider<CurrentUsers> currentUsers;
    private final UsageReports reports;

    CoachingUsageController(ObjectProvider<CurrentUsers> currentUsers, UsageReports reports) {
        this.currentUsers = currentUsers;
        this.reports = reports;
    }

    @GetMapping("/usage")
    UsageReports.Report usage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID organizationId) {
        CurrentUser admin = CoachingPoliciesController.admin(currentUsers, "sees the coach's usage");
        UUID organization = organizationId == null ? admin.organizationId() : organizationId;
        if (!organization.equals(admin.organizationId()) && !admin.has(Role.PLATFORM_ADMIN)) {
            throw Problems.notFound("Organization " + organization);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : (to != null ? to : today).withDayOfMonth(1);
        LocalDate end = to != null ? to : start.withDayOfMonth(start.lengthOfMonth());
        if (end.isBefore(start)) {
            throw Problems.badRequest("from (" + start + ") is after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw Problems.badRequest("A usage report covers at most " + MAX_DAYS + " days; narrow from and to.");
        }
        return Tenants.callAs(organization, () -> reports.report(organization, start, end));
    }
}
