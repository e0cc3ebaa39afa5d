package io.agentcoach.mastery.web;

import java.util.List;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.MasteryPoint;
import io.agentcoach.mastery.SkillMastery;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own mastery estimates and their history. */
@RestController
@RequestMapping("/api/mastery")
class MasteryController {

    private final Masteries masteries;
    private final ObjectProvider<CurrentUsers> currentUsers;

    MasteryController(Masteries masteries, ObjectProvider<CurrentUsers> currentUsers) {
        this.masteries = masteries;
        this.currentUsers = currentUsers;
    }

    record SkillsView(List<SkillMastery> skills) {
    }

    record HistoryView(String skillId, List<MasteryPoint> points) {
    }

    @GetMapping
    SkillsView mine() {
        CurrentUser user = caller();
        return new SkillsView(masteries.of(user.organizationId(), user.userId()));
    }

    @GetMapping("/skills/{skillId}/history")
    HistoryView history(@PathVariable String skillId) {
        CurrentUser user = caller();
        return new HistoryView(skillId, masteries.history(user.organizationId(), user.userId(), skillId));
    }

    private CurrentUser caller() {
        CurrentUsers users = currentUsers.getIfAvailable();
        if (users == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "Sign in or send a valid bearer token or API key.");
        }
        return users.require();
    }
}
