package io.agentcoach.mastery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentcoach.mastery.AtRiskLearners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds stalling learners from the organization's logged answers. */
@Service
class AtRiskService implements AtRiskLearners {

    private final JdbcClient jdbc;
    private final Clock clock;

    AtRiskService(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Answer(UUID userId, String attemptId, String skillIds, boolean correct, Instant at) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<AtRisk> of(UUID organizationId, int days) {
        Map<UUID, List<Answer>> byLearner = new LinkedHashMap<>();
        jdbc.sql("""
                select user_id, attempt_id, skill_ids, correct, occurred_at from mastery_attempts
                where organization_id = ? order by user_id, occurred_at, attempt_id""")
                .param(organizationId)
                .query(rs -> {
                    Answer answer = new Answer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class).toInstant());
                    byLearner.computeIfAbsent(answer.userId(), k -> new ArrayList<>()).add(answer);
                });
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(days));
        List<AtRisk> atRisk = new ArrayList<>();
        byLearner.forEach((userId, answers) -> {
            List<Reason> reasons = new ArrayList<>();
            Answer last = answers.getLast();
            if (last.at().isBefore(since)) {
                long idle = Duration.between(last.at(), now).toDays();
                reasons.add(new Reason(Kind.NO_PROGRESS, null, "No answer for " + idle + " days (latest "
                        + last.at() + ", the limit is " + days + ").", List.of(last.attemptId())));
            }
            reasons.addAll(failureStreaks(answers));
            if (!reasons.isEmpty()) {
                atRisk.add(new AtRisk(userId, last.at(), reasons));
            }
        });
        atRisk.sort(Comparator.comparing(AtRisk::lastActivityAt));
        return atRisk;
    }

    /** Skills whose latest {@link #FAILURE_STREAK} answers all failed. */
    private static List<Reason> failureStreaks(List<Answer> answers) {
        Map<String, List<Answer>> bySkill = new LinkedHashMap<>();
        for (Answer answer : answers) {
            for (String skill : answer.skillIds().split(",")) {
                bySkill.computeIfAbsent(skill, k -> new ArrayList<>()).add(answer);
            }
        }
        List<Reason> reasons = new ArrayList<>();
        bySkill.forEach((skill, onSkill) -> {
            if (onSkill.size() < FAILURE_STREAK) {
                return;
            }
            List<Answer> latest = onSkill.subList(onSkill.size() - FAILURE_STREAK, onSkill.size());
            if (latest.stream().noneMatch(Answer::correct)) {
                int streak = 0;
                for (int k = onSkill.size() - 1; k >= 0 && !onSkill.get(k).correct(); k--) {
                    streak++;
                }
                List<String> ids = onSkill.subList(onSkill.size() - streak, onSkill.size()).stream()
                        .map(Answer::attemptId).toList();
                reasons.add(new Reason(Kind.REPEATED_FAILURES, skill, "The latest " + streak + " answers on " + skill
                        + " all failed, since " + onSkill.get(onSkill.size() - streak).at() + ".", ids));
            }
        });
        return reasons;
    }
}
