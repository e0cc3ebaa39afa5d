package io.agentcoach.mastery.web;

import java.util.List;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.Forecast;
import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPaths;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.MasteryPoint;
import io.agentcoach.mastery.SkillMastery;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
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
    private final CurrentUsers currentUsers;
    private final ObjectProvider<Curriculum> curriculum;

    MasteryController(Masteries masteries, LearningPaths paths, CurrentUsers currentUsers,
            ObjectProvider<Curriculum> curriculum) {
        this.masteries = masteries;
        this.paths = paths;
        this.currentUsers = currentUsers;
        this.curriculum = curriculum;
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
        List<MasteryPoint> points = masteries.history(user.organizationId(), user.userId(), skillId);
        if (points.isEmpty() && !known(skillId)) {
            throw Problems.notFound("Skill " + skillId);
        }
        return new HistoryView(skillId, points);
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

    /** Expected activities and minutes until the caller masters {@code goal} or their stated goal. */
    @GetMapping("/forecast")
    Forecast forecast(@RequestParam(required = false) String goal) {
        CurrentUser user = caller();
        return paths.forecast(user.organizationId(), user.userId(), goal);
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

    /** The signed-in learner; 401 without credentials, 403 for a credential without the profile scope. */
    private CurrentUser caller() {
        return currentUsers.require(Scopes.PROFILE);
    }

    private boolean known(String skillId) {
        Curriculum current = curriculum.getIfAvailable();
        return current != null && current.skills().stream().anyMatch(s -> s.id().equals(skillId));
    }
}
