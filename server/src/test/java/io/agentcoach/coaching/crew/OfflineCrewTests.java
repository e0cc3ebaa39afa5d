package io.agentcoach.coaching.crew;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The offline crew's plan: weeks from the path, and the offline mentor's checks against the skill graph. */
class OfflineCrewTests {

    final OfflineCrew crew = new OfflineCrew();

    static CrewInputs.Learner learner(List<CrewInputs.Step> steps, Map<String, Integer> proficiency) {
        return new CrewInputs.Learner("agents", "Master Agents (agents)", steps, proficiency,
                Map.of("messages", List.of(), "tools", List.of("messages"), "agents", List.of("tools")),
                Map.of("messages", "Messages", "tools", "Tools", "agents", "Agents"), null, "", "");
    }

    static CrewInputs.Step step(String id, String skill, int minutes) {
        return new CrewInputs.Step(id, "Lesson " + id, List.of(skill), "why " + id, minutes);
    }

    @Test
    void activitiesAreLaidOutInWeeksOfAboutFiveHours() {
        var written = crew.plan("Build agents", learner(List.of(step("m1", "messages", 200), step("m2", "messages", 90),
                step("t1", "tools", 60)), Map.of()), "no AI model is configured on this server");

        assertThat(written.content()).contains("### Week 1\n1. Lesson m1 [m1], about 200 min")
                .contains("2. Lesson m2 [m2]").contains("### Week 2\n3. Lesson t1 [t1]")
                .contains("## Mentor's corrections\nNone needed");
        assertThat(written.draft()).doesNotContain("Mentor's corrections");
    }

    @Test
    void theOfflineMentorFlagsAnActivityWhosePrerequisiteIsNeitherMasteredNorPlannedEarlier() {
        var written = crew.plan("Build agents", learner(List.of(step("a1", "agents", 30), step("t1", "tools", 30)),
                Map.of("messages", 90)), "no AI model is configured on this server");

        assertThat(written.content()).contains("- Lesson a1 [a1] needs Tools first, which is neither mastered nor "
                + "planned earlier: study it before this step.")
                .doesNotContain("Lesson t1 [t1] needs");
        assertThat(written.content()).contains("- Mastered: Messages");
    }

    @Test
    void anActivityLongerThanAWeekIsToldToBeSplit() {
        var written = crew.plan("Build agents", learner(List.of(step("m1", "messages", 400)), Map.of()), "offline");

        assertThat(written.content()).contains("Lesson m1 takes about 400 min, more than a week's 300");
    }
}
