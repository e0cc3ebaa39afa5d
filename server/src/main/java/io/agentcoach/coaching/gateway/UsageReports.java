package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import io.agentcoach.coaching.CoachingSettings.Budgets;
import io.agentcoach.identity.OrganizationMembers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organization's model usage over a range of days (UTC), from the ledger: per day, per member and
 * per model, with its budgets. Messages are answered learner messages (offline answers included, as
 * the model {@code offline}); tokens and cost count every call (answers, failed attempts, summaries,
 * plans and reviews), since every call is paid for. Callers bind the organization's tenant.
 */
public final class UsageReports {

    public record Report(UUID organizationId, LocalDate from, LocalDate to, String currency, Budget budget,
            List<Day> byDay, List<Member> byMember, List<Model> byModel) {
    }

    public record Budget(BigDecimal monthlyBudgetUsd, BigDecimal spentThisMonthUsd,
            BigDecimal dailyAllowancePerLearnerUsd) {
    }

    public record Day(LocalDate date, long messages, long inputTokens, long outputTokens, BigDecimal costUsd) {
    }

    public record Member(UUID userId, String displayName, long messages, long inputTokens, long outputTokens,
            BigDecimal costUsd) {
    }

    public record Model(String model, long messages, long inputTokens, long outputTokens, BigDecimal costUsd) {
    }

    private record Row(UUID userId, String model, LocalDate day, long messages, long input, long output,
            BigDecimal cost) {
    }

    /** Sums of one group of rows. */
    private static final class Totals {
        long messages;
        long input;
        long output;
        BigDecimal cost = BigDecimal.ZERO;

        void add(Row row) {
            messages += row.messages();
            input += row.input();
            output += row.output();
            cost = cost.add(row.cost());
        }
    }

    private final JdbcClient jdbc;
    private final Budgets defaults;
    private final OrganizationMembers members;
    private final Clock clock;

    UsageReports(JdbcClient jdbc, Budgets defaults, OrganizationMembers members, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.members = members;
        this.clock = clock;
    }

    /** Usage of {@code organizationId} from {@code from} to {@code to}, both days included. */
    public Report report(UUID organizationId, LocalDate from, LocalDate to) {
        List<Row> rows = jdbc.sql("""
                select user_id, model, cast(created_at at time zone 'UTC' as date) as usage_day,
                  sum(case when purpose = 'answer' and outcome = 'answered' then 1 else 0 end) as messages,
                  sum(input_tokens) as input_tokens, sum(output_tokens) as output_tokens, sum(cost_usd) as cost_usd
                from coaching_model_calls
                where organization_id = ? and created_at >= ? and created_at < ?
                group by user_id, model, cast(created_at at time zone 'UTC' as date)""")
                .params(organizationId, from.atStartOfDay().atOffset(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getBigDecimal(7)))
                .list();
        Map<LocalDate, Totals> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new Totals());
        }
        Map<UUID, Totals> byUser = group(rows, Row::userId);
        Map<String, Totals> byModel = group(rows, Row::model);
        rows.forEach(row -> days.computeIfAbsent(row.day(), d -> new Totals()).add(row));
        Map<UUID, String> names = members.displayNames(organizationId, byUser.keySet());
        List<Member> memberList = new ArrayList<>();
        byUser.forEach((user, t) -> memberList.add(new Member(user, names.getOrDefault(user, "(former member)"),
                t.messages, t.input, t.output, t.cost)));
        memberList.sort(Comparator.comparing(Member::costUsd).reversed().thenComparing(Member::messages,
                Comparator.reverseOrder()).thenComparing(m -> m.userId().toString()));
        List<Model> modelList = new ArrayList<>();
        byModel.forEach((model, t) -> modelList.add(new Model(model, t.messages, t.input, t.output, t.cost)));
        modelList.sort(Comparator.comparing(Model::costUsd).reversed().thenComparing(Model::model));
        List<Day> dayList = new ArrayList<>();
        days.forEach((day, t) -> dayList.add(new Day(day, t.messages, t.input, t.output, t.cost)));
        return new Report(organizationId, from, to, "USD", budget(organizationId), dayList, memberList, modelList);
    }

    private Budget budget(UUID organizationId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return jdbc.sql("""
                select
                  coalesce((select cost_usd from coaching_organization_monthly_spend
                     where organization_id = :org and month_start = :month), 0) as spent,
                  p.monthly_budget_usd, p.learner_daily_usd
                from (select 1 as one) base
                left join coaching_organization_policies p on p.organization_id = :org""")
                .param("org", organizationId).param("month", today.withDayOfMonth(1))
                .query((rs, n) -> {
                    BigDecimal monthly = rs.getBigDecimal("monthly_budget_usd");
                    BigDecimal daily = rs.getBigDecimal("learner_daily_usd");
                    return new Budget(monthly != null ? monthly : defaults.organizationMonthlyUsd(),
                            rs.getBigDecimal("spent"), daily != null ? daily : defaults.learnerDailyUsd());
                })
                .single();
    }

    private static <K> Map<K, Totals> group(List<Row> rows, Function<Row, K> key) {
        Map<K, Totals> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(key.apply(row), k -> new Totals()).add(row));
        return groups;
    }
}
