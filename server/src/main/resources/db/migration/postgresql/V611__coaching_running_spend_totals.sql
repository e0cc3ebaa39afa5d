-- Running spend totals, so the budget check before every question is two primary-key reads
-- instead of summing the organization's month of model calls: per organization per calendar
-- month and per learner per day (UTC), added to in the same transaction that records each call.
-- Filled from the calls recorded so far; the copy reads across tenants (app.all_tenants for this
-- transaction only), since coaching_model_calls' row-level security is forced.

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

select set_config('app.all_tenants', 'on', true);

insert into coaching_organization_monthly_spend (organization_id, month_start, cost_usd)
select organization_id, cast(date_trunc('month', created_at at time zone 'UTC') as date), sum(cost_usd)
from coaching_model_calls group by 1, 2;

insert into coaching_learner_daily_spend (organization_id, user_id, spend_day, cost_usd)
select organization_id, user_id, cast(created_at at time zone 'UTC' as date), sum(cost_usd)
from coaching_model_calls group by 1, 2, 3;

alter table coaching_organization_monthly_spend enable row level security;
alter table coaching_organization_monthly_spend force row level security;
create policy tenant_isolation on coaching_organization_monthly_spend
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table coaching_learner_daily_spend enable row level security;
alter table coaching_learner_daily_spend force row level security;
create policy tenant_isolation on coaching_learner_daily_spend
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

-- A coach answer the learner stopped while it streamed is kept as far as it went, marked so.
alter table coaching_messages add column stopped boolean not null default false;
