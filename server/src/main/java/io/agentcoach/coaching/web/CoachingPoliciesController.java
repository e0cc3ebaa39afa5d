package io.agentcoach.coaching.web;

import java.math.BigDecimal;

import io.agentcoach.coaching.policy.CoachingPolicies;
import io.agentcoach.coaching.policy.CoachingPolicies.OrganizationPolicy;
import io.agentcoach.identity.ConsentPurpose;
import io.agentcoach.identity.Consents;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization administrator sets the coach's budgets and preferred model; a learner sets
 * their own preferred model. Empty fields fall back to the server's settings.
 */
@RestController
@RequestMapping("/api/coaching")
class CoachingPoliciesController {

    record PolicyBody(@DecimalMin("0") @DecimalMax("1000000") BigDecimal monthlyBudgetUsd,
            @DecimalMin("0") @DecimalMax("100000") BigDecimal learnerDailyUsd, Boolean offlineFallback,
            @Size(max = 200) String preferredModel) {

        OrganizationPolicy policy() {
            return new OrganizationPolicy(monthlyBudgetUsd, learnerDailyUsd, offlineFallback, blankToNull(preferredModel));
        }
    }

    record PreferenceBody(@Size(max = 200) String preferredModel) {
    }

    record ConsentBody(@NotNull Boolean externalProcessing) {
    }

    private final ObjectProvider<CurrentUsers> currentUsers;
    private final CoachingPolicies policies;
    private final Consents consents;

    CoachingPoliciesController(ObjectProvider<CurrentUsers> currentUsers, CoachingPolicies policies, Consents consents) {
        this.currentUsers = currentUsers;
        this.policies = policies;
        this.consents = consents;
    }

    @GetMapping("/organization-policy")
    OrganizationPolicy policy() {
        CurrentUser admin = admin();
        return policies.of(admin.organizationId()).orElse(new OrganizationPolicy(null, null, null, null));
    }

    @PutMapping("/organization-policy")
    OrganizationPolicy setPolicy(@Valid @RequestBody PolicyBody body) {
        CurrentUser admin = admin();
        policies.set(admin.organizationId(), body.policy());
        return policies.of(admin.organizationId()).orElseThrow();
    }

    @PutMapping("/preferences")
    PreferenceBody setPreference(@Valid @RequestBody PreferenceBody body) {
        CurrentUser user = CoachingSessionsController.caller(currentUsers, Scopes.COACH_CHAT);
        String model = blankToNull(body.preferredModel());
        policies.preferModel(user.organizationId(), user.userId(), model);
        return new PreferenceBody(model);
    }

    /**
     * Whether the learner lets the coach send their messages to external model providers (off by
     * default): an alias of identity's consent records ({@code /api/me/consents}, purpose
     * {@code external-model-processing}); turning it on here agrees to the current wording.
     */
    @GetMapping("/consent")
    ConsentBody consent() {
        CurrentUser user = CoachingSessionsController.caller(currentUsers, Scopes.COACH_CHAT);
        return new ConsentBody(consents.granted(user.userId(), ConsentPurpose.EXTERNAL_MODEL_PROCESSING));
    }

    @PutMapping("/consent")
    ConsentBody setConsent(@Valid @RequestBody ConsentBody body) {
        CurrentUser user = CoachingSessionsController.caller(currentUsers, Scopes.COACH_CHAT);
        consents.record(user.userId(), ConsentPurpose.EXTERNAL_MODEL_PROCESSING, body.externalProcessing());
        return new ConsentBody(consents.granted(user.userId(), ConsentPurpose.EXTERNAL_MODEL_PROCESSING));
    }

    private CurrentUser admin() {
        return admin(currentUsers, "sets the coach's budgets");
    }

    /** The caller, an organization administrator holding {@code org:admin}; 403 for anyone else. */
    static CurrentUser admin(ObjectProvider<CurrentUsers> currentUsers, String does) {
        CurrentUser user = CoachingSessionsController.caller(currentUsers, Scopes.ORG_ADMIN);
        if (!user.has(Role.ORG_ADMIN)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only an organization administrator " + does + ".");
        }
        return user;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
