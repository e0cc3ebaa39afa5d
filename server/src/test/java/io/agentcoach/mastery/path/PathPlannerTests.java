package io.agentcoach.mastery.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.agentcoach.mastery.LearningPath;
import io.agentcoach.mastery.LearningPath.Purpose;
import io.agentcoach.mastery.LearningPath.Step;
import io.agentcoach.mastery.path.PathPlanner.SkillEstimate;
import org.junit.jupiter.api.Test;

class PathPlannerTests {

    final PathPlanner planner = new PathPlanner(new CurriculumFixture());
    final Instant now = Instant.parse("2026-05-01T12:00:00Z");

    /** Predicts by activity id, 0.5 for any other. */
    static PathPlanner.SuccessPredictor predicting(Map<String, Double> byActivity) {
        return activity -> byActivity.getOrDefault(activity.id(), 0.5);
    }

    SkillEstimate mastered(int daysAgo, int attempts) {
        return new SkillEstimate(0.95, attempts, now.minus(Duration.ofDays(daysAgo)));
    }

    @Test
    void aNewLearnerIsOnlySentWhereNoPrerequisiteIsMissing() {
        LearningPath path = planner.plan(Map.of(), Set.of(), predicting(Map.of()), null, now, 10);
        assertThat(path.steps()).extracting(Step::activityId).containsExactlyInAnyOrder("prompt-easy", "prompt-mid");
        assertThat(path.steps()).allSatisfy(step -> {
            assertThat(step.purpose()).isEqualTo(Purpose.NEW_SKILL);
            assertThat(step.reason()).startsWith("New skill: Prompting is unlocked");
        });
    }

    @Test
    void prefersTheActivityPredictedToBeChallengingButWithinReach() {
        LearningPath path = planner.plan(Map.of(), Set.of(),
                predicting(Map.of("prompt-easy", 0.97, "prompt-mid", 0.72)), null, now, 2);
        assertThat(path.steps()).extracting(Step::activityId).containsExactly("prompt-mid", "prompt-easy");
        assertThat(path.steps().getFirst().reason()).contains("predicted to pass it 72% of the time");
        assertThat(path.steps().get(1).reason()).contains("should feel easy (predicted success 97%)");
    }

    @Test
    void masteringAPrerequisiteUnlocksTheNextSkillTowardTheGoalOnly() {
        Map<String, SkillEstimate> estimates = Map.of("prompting", mastered(0, 6));
        LearningPath towardCrew = planner.plan(estimates, Set.of(), predicting(Map.of()), "multi-agent", now, 10);
        assertThat(towardCrew.steps()).extracting(Step::activityId).containsExactlyInAnyOrder("tools-1", "tools-2");
        assertThat(towardCrew.steps().getFirst().reason()).contains("since you mastered Prompting")
                .contains("toward your goal, Multi-agent crew");

        LearningPath anywhere = planner.plan(estimates, Set.of(), predicting(Map.of()), null, now, 10);
        assertThat(anywhere.steps()).extracting(Step::activityId).contains("rag-1", "tools-1")
                .doesNotContain("react-1", "crew-1");
    }

    @Test
    void aSkillBeingLearnedIsPractisedAndPassedActivitiesAreNotRepeated() {
        Map<String, SkillEstimate> estimates = Map.of("prompting", mastered(0, 6),
                "tool-calling", new SkillEstimate(0.4, 2, now));
        LearningPath path = planner.plan(estimates, Set.of("tools-1"), predicting(Map.of()), "multi-agent", now, 10);
        assertThat(path.steps()).extracting(Step::activityId).containsExactly("tools-2");
        assertThat(path.steps().getFirst().purpose()).isEqualTo(Purpose.PRACTICE);
        assertThat(path.steps().getFirst().reason()).startsWith("Practice: Tool calling is at proficiency 40");
    }

    @Test
    void aMasteredSkillLeftAloneTooLongComesBackAsReviewFirst() {
        Map<String, SkillEstimate> estimates = Map.of("prompting", mastered(10, 1),
                "tool-calling", new SkillEstimate(0.4, 2, now));
        LearningPath path = planner.plan(estimates, Set.of(), predicting(Map.of()), null, now, 10);
        Step first = path.steps().getFirst();
        assertThat(first.purpose()).isEqualTo(Purpose.REVIEW);
        assertThat(first.skillIds()).containsExactly("prompting");
        assertThat(first.reason()).contains("last practised 10 days ago");
        assertThat(path.steps()).filteredOn(s -> s.purpose() == Purpose.REVIEW).hasSize(1);

        // practised often and recently, it does not fade yet
        LearningPath fresh = planner.plan(Map.of("prompting", mastered(10, 6)), Set.of(), predicting(Map.of()), null,
                now, 10);
        assertThat(fresh.steps()).noneMatch(s -> s.purpose() == Purpose.REVIEW);
    }
}
