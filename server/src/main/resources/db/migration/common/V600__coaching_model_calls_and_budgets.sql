-- The coaching module's model gateway: every model call (and every offline answer) with its
-- routing reason, tokens and cost, per user and organization; budgets and model preferences.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table coaching_model_calls (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    session_id       uuid,
    model            varchar(200) not null,
    query_type       varchar(20) not null,
    complexity       varchar(10) not null,
    routing_reason   varchar(2000) not null,
    outcome          varchar(20) not null,
    failure          varchar(500),
    attempts         integer not null,
    input_tokens     integer not null default 0,
    output_tokens    integer not null default 0,
    cost_usd         numeric(14, 6) not null default 0,
    latency_ms       bigint not null,
    created_at       timestamp with time zone not null default current_timestamp,
    constraint coaching_model_calls_outcome_known check (outcome in ('answered', 'failed')),
    constraint coaching_model_calls_tokens_positive check (input_tokens >= 0 and output_tokens >= 0 and cost_usd >= 0)
);

create index coaching_model_calls_org_time on coaching_model_calls (organization_id, created_at);
create index coaching_model_calls_user_time on coaching_model_calls (organization_id, user_id, created_at);

-- An organization's own budgets and preferred model; absent columns fall back to the settings.
create table coaching_organization_policies (
    organization_id       uuid primary key,
    monthly_budget_usd    numeric(14, 6),
    learner_daily_usd     numeric(14, 6),
    offline_fallback      boolean,
    preferred_model       varchar(200),
    updated_at            timestamp with time zone not null default current_timestamp,
    constraint coaching_policies_budgets_positive check (
        (monthly_budget_usd is null or monthly_budget_usd >= 0) and (learner_daily_usd is null or learner_daily_usd >= 0))
);

create table coaching_user_preferences (
    organization_id  uuid not null,
    user_id          uuid not null,
    preferred_model  varchar(200),
    updated_at       timestamp with time zone not null default current_timestamp,
    primary key (organization_id, user_id)
);
