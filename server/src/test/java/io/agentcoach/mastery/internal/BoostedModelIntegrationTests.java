package io.agentcoach.mastery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.agentcoach.mastery.AttemptObserved;
import io.agentcoach.mastery.Masteries;
import io.agentcoach.mastery.MasteryPoint;
import io.agentcoach.mastery.SkillMastery;
import io.agentcoach.platform.Tenants;
import io.agentcoach.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server running the boosted model ({@code agentcoach.mastery.model=gbt}): it is fitted from
 * the logged answers, and a repeated or late answer is handled as under the other models.
 */
@IntegrationTest(properties = {"agentcoach.mastery.model=gbt", "agentcoach.mastery.min-attempts-to-fit=100"})
class BoostedModelIntegrationTests {

    @Autowired
    Masteries masteries;

    @Autowired
    TracingModels models;

    @Autowired
    JdbcClient jdbc;

    final UUID organization = UUID.randomUUID();
    final Instant start = Instant.parse("2026-03-01T10:00:00Z");

    UUID learner() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, email_key, display_name) values (?, ?, ?, 'Ada')")
                .params(id, id + "@example.org", id + "@example.org").update();
        return id;
    }

    Masteries.Recorded record(UUID user, String id, int minute, boolean correct, String skill) {
        AttemptObserved answer = new AttemptObserved(id, organization, user, null, List.of(skill), correct,
                start.plusSeconds(60L * minute));
        return Tenants.callAs(organization, () -> masteries.record(answer));
    }

    List<SkillMastery> of(UUID user) {
        return Tenants.callAs(organization, () -> masteries.of(organization, user));
    }

    List<MasteryPoint> history(UUID user, String skill) {
        return Tenants.callAs(organization, () -> masteries.history(organization, user, skill));
    }

    @Test
    void theBoostedModelIsFittedFromLoggedAnswersAndHandlesRepeatedAndLateAnswersAsBefore() {
        Random random = new Random(3);
        String[] skills = {"llm-messages", "tool-calling-basics"};
        for (int l = 0; l < 60; l++) {
            UUID user = learner();
            for (int a = 0; a < 6; a++) {
                record(user, "w" + l + "-" + a, a, random.nextDouble() < 0.3 + 0.1 * a, skills[a % 2]);
            }
        }
        // as the scheduled refit does: every organization's answers
        TracingModels.Fitted fitted = Tenants.callAsSystem(models::refit);
        assertThat(fitted.model().name()).isEqualTo("gbt");

        UUID user = learner();
        record(user, "d1", 0, true, "llm-messages");
        List<SkillMastery> before = of(user);
        assertThat(record(user, "d1", 0, true, "llm-messages")).isEqualTo(new Masteries.Recorded.Duplicate("d1"));
        assertThat(of(user)).isEqualTo(before);

        UUID inOrder = learner();
        record(inOrder, "c1", 0, false, "llm-messages");
        record(inOrder, "c2", 1, false, "llm-messages");
        record(inOrder, "c3", 2, true, "llm-messages");
        UUID late = learner();
        record(late, "l1", 0, false, "llm-messages");
        record(late, "l3", 2, true, "llm-messages");
        assertThat(record(late, "l2", 1, false, "llm-messages")).isInstanceOfSatisfying(
                Masteries.Recorded.Updated.class, u -> assertThat(u.replayed()).isTrue());
        assertThat(history(late, "llm-messages")).extracting(MasteryPoint::attemptId).containsExactly("l1", "l2", "l3");
        assertThat(history(late, "llm-messages")).extracting(MasteryPoint::mastery)
                .isEqualTo(history(inOrder, "llm-messages").stream().map(MasteryPoint::mastery).toList());
        assertThat(of(inOrder).getFirst().mastery()).isBetween(0.0, 1.0);
    }
}
