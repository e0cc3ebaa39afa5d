-- Coaching sessions and their messages, owned by one learner in one organization.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table coaching_sessions (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    title            varchar(200) not null,
    lesson_id        varchar(200),
    exercise_id      varchar(200),
    created_at       timestamp with time zone not null default current_timestamp,
    updated_at       timestamp with time zone not null default current_timestamp
);

create index coaching_sessions_owner on coaching_sessions (organization_id, user_id, updated_at);

create table coaching_messages (
    id               uuid primary key,
    session_id       uuid not null references coaching_sessions (id) on delete cascade,
    organization_id  uuid not null,
    position         integer not null,
    role             varchar(10) not null,
    content          text not null,
    model            varchar(200),
    cost_usd         numeric(14, 6),
    created_at       timestamp with time zone not null default current_timestamp,
    constraint coaching_messages_role_known check (role in ('learner', 'coach')),
    constraint coaching_messages_position_unique unique (session_id, position)
);
