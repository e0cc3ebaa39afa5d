package io.agentcoach.mastery.web;

import java.util.List;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.MasteryPoint;
import io.agentcoach.mastery.SkillMastery;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own mastery estimates, their history, goal and learning path. */
@RestController
@RequestMapping("/api/mastery")
class MasteryController {

    static final int MAX_PATH_LENGTH = 50;

    private final Masteries masteries;
    private final LearningPaths paths;
    private final ObjectProvider<CurrentUsers> currentUsers;

    MasteryController(Masteries masteries, LearningPaths paths, ObjectProvider<CurrentUsers> currentUsers) {
        this.masteries = masteries;
        this.paths = paths;
        this.currentUsers = currentUsers;
    }

    record GoalView(String skillId) {
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

    /** The caller's next best activities, toward {@code goal} or their stated goal. */
    @GetMapping("/path")
    LearningPath path(@RequestParam(required = false) String goal, @RequestParam(defaultValue = "5") int limit) {
        CurrentUser user = caller();
        if (limit < 1 || limit > MAX_PATH_LENGTH) {
            throw Problems.badRequest("limit must be between 1 and " + MAX_PATH_LENGTH + ".");
        }
        return paths.pathFor(user.organizationId(), user.userId(), goal, limit);
    }

    @GetMapping("/goal")
    GoalView goal() {
        CurrentUser user = caller();
        return new GoalView(paths.goalOf(user.organizationId(), user.userId())
                .orElseThrow(() -> Problems.notFound("A goal")));
    }

    @PutMapping("/goal")
    GoalView setGoal(@RequestBody GoalView goal) {
        CurrentUser user = caller();
        if (goal.skillId() == null || goal.skillId().isBlank()) {
            throw Problems.badRequest("skillId is required.");
        }
        paths.setGoal(user.organizationId(), user.userId(), goal.skillId());
        return goal;
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
