package io.agentcoach.mastery.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.agentcoach.identity.OrganizationMembers;
import io.agentcoach.mastery.TeamProgress;
import io.agentcoach.mastery.path.PathPlanner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Team progress from the organization's current estimates, answers and estimate history. */
@Service
class TeamProgressService implements TeamProgress {

    private final JdbcClient jdbc;
    private final OrganizationMembers members;
    private final Clock clock;

    TeamProgressService(JdbcClient jdbc, OrganizationMembers members, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Estimates(double averageProficiency, int mastered) {
    }

    private record Activity(int lastSevenDays, Instant lastAt) {
    }

    @Override
    @Transactional(readOnly = true)
    public Progress of(UUID organizationId) {
        Instant now = clock.instant();
        List<OrganizationMembers.Member> people = members.of(organizationId);
        Set<UUID> ids = people.stream().map(OrganizationMembers.Member::userId).collect(Collectors.toSet());
        Map<UUID, Estimates> estimates = new HashMap<>();
        jdbc.sql("""
                select user_id, avg(proficiency), sum(case when mastery >= ? then 1 else 0 end)
                from mastery_skill_states where organization_id = ? group by user_id""")
                .params(PathPlanner.MASTERED, organizationId)
                .query(rs -> {
                    estimates.put(rs.getObject(1, UUID.class), new Estimates(rs.getDouble(2), rs.getInt(3)));
                });
        Map<UUID, Activity> activity = new HashMap<>();
        jdbc.sql("""
                select user_id, sum(case when occurred_at >= ? then 1 else 0 end), max(occurred_at)
                from mastery_attempts where organization_id = ? group by user_id""")
                .params(now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC), organizationId)
                .query(rs -> {
                    activity.put(rs.getObject(1, UUID.class), new Activity(rs.getInt(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()));
                });
        List<Member> rows = new ArrayList<>();
        for (OrganizationMembers.Member person : people) {
            Estimates e = estimates.getOrDefault(person.userId(), new Estimates(0, 0));
            Activity a = activity.getOrDefault(person.userId(), new Activity(0, null));
            rows.add(new Member(person.userId(), person.displayName(), round(e.averageProficiency()), e.mastered(),
                    a.lastSevenDays(), a.lastAt()));
        }
        return new Progress(rows, weekly(organizationId, ids, now));
    }

    /** Replays the estimate history week by week: each member's latest proficiency per skill at each week's end. */
    private List<Week> weekly(UUID organizationId, Set<UUID> ids, Instant now) {
        LocalDate thisWeek = now.atOffset(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        int[] activities = new int[WEEKS];
        jdbc.sql("""
                select occurred_at from mastery_attempts
                where organization_id = ? and occurred_at >= ? and occurred_at <= ?""")
                .params(organizationId, from.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    int week = weekOf(from, rs.getObject(1, OffsetDateTime.class).toInstant());
                    if (week >= 0 && week < WEEKS) {
                        activities[week]++;
                    }
                });
        // latest proficiency per member and skill, advanced through the history in time order
        Map<UUID, Map<String, Integer>> latest = new HashMap<>();
        double[] averages = new double[WEEKS];
        int[] week = {0};
        jdbc.sql("""
                select user_id, skill_id, proficiency, occurred_at from mastery_history
                where organization_id = ? and occurred_at <= ? order by occurred_at, id""")
                .params(organizationId, now.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    UUID user = rs.getObject(1, UUID.class);
                    int at = weekOf(from, rs.getObject(4, OffsetDateTime.class).toInstant());
                    while (week[0] < WEEKS && at > week[0]) {
                        averages[week[0]++] = average(latest);
                    }
                    if (ids.contains(user)) {
                        latest.computeIfAbsent(user, k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    }
                });
        while (week[0] < WEEKS) {
            averages[week[0]++] = average(latest);
        }
        List<Week> weeks = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            weeks.add(new Week(first.plusWeeks(w), round(averages[w]), activities[w]));
        }
        return weeks;
    }

    /** Week index from {@code from} (negative before it). */
    private static int weekOf(Instant from, Instant at) {
        return (int) Math.floorDiv(Duration.between(from, at).toSeconds(), Duration.ofDays(7).toSeconds());
    }

    private static double average(Map<UUID, Map<String, Integer>> latest) {
        return latest.values().stream()
                .mapToDouble(skills -> skills.values().stream().mapToInt(Integer::intValue).average().orElse(0))
                .average().orElse(0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
