-- Running spend totals, so the budget check before every question is two primary-key reads
-- instead of summing the organization's month of model calls: per organization per calendar
-- month and per learner per day (UTC), added to in the same transaction that records each call.
-- Filled from the calls recorded so far (H2 keeps timestamps with time zone; the database runs in UTC).

create table coaching_organization_monthly_spend (
    organization_id  uuid not null,
    month_start      date not null,
    cost_usd         numeric(14, 6) not null default 0,
    primary key (organization_id, month_start)
);

create table coaching_learner_daily_spend (
    organization_id  uuid not null,
    user_id          uuid not null,
    spend_day        date not null,
    cost_usd         numeric(14, 6) not null default 0,
    primary key (organization_id, user_id, spend_day)
);

insert into coaching_organization_monthly_spend (organization_id, month_start, cost_usd)
select organization_id, cast(date_trunc('month', created_at at time zone 'UTC') as date), sum(cost_usd)
from coaching_model_calls group by organization_id, cast(date_trunc('month', created_at at time zone 'UTC') as date);

insert into coaching_learner_daily_spend (organization_id, user_id, spend_day, cost_usd)
select organization_id, user_id, cast(created_at at time zone 'UTC' as date), sum(cost_usd)
from coaching_model_calls group by organization_id, user_id, cast(created_at at time zone 'UTC' as date);

-- A coach answer the learner stopped while it streamed is kept as far as it went, marked so.
alter table coaching_messages add column stopped boolean not null default false;
