-- The coach's tool calls (logged with the session and the answer they served), the stored summary
-- of a session's older turns, the purpose of each model call (answer, summary, plan, review), and
-- the learning plans and code reviews written by the coach and mentor agents.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

alter table coaching_model_calls add column purpose varchar(20) not null default 'answer';
alter table coaching_model_calls add constraint coaching_model_calls_purpose_known
    check (purpose in ('answer', 'summary', 'plan', 'review'));

-- The summary of a session's turns up to summary_through (a message position); later turns are sent verbatim.
alter table coaching_sessions add column summary text;
alter table coaching_sessions add column summary_through integer not null default 0;

create table coaching_tool_calls (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    session_id       uuid references coaching_sessions (id) on delete cascade,
    message_id       uuid references coaching_messages (id) on delete cascade,
    sequence         integer not null,
    tool             varchar(100) not null,
    arguments        varchar(2000) not null,
    outcome          varchar(20) not null,
    result_excerpt   varchar(2000) not null,
    duration_ms      bigint not null,
    created_at       timestamp with time zone not null default current_timestamp,
    constraint coaching_tool_calls_outcome_known check (outcome in ('ok', 'error', 'timeout', 'refused'))
);

create index coaching_tool_calls_message on coaching_tool_calls (message_id, sequence);

create table coaching_plans (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    kind             varchar(10) not null,
    goal             varchar(2000),
    submission_id    uuid,
    draft            text not null,
    content          text not null,
    models           varchar(1000) not null,
    offline          boolean not null,
    input_tokens     integer not null default 0,
    output_tokens    integer not null default 0,
    cost_usd         numeric(14, 6) not null default 0,
    created_at       timestamp with time zone not null default current_timestamp,
    constraint coaching_plans_kind_known check (kind in ('plan', 'review'))
);

create index coaching_plans_owner on coaching_plans (organization_id, user_id, kind, created_at);
