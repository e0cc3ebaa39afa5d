-- Each learner's stated goal: the skill their learning path leads toward.
create table mastery_goals (
    organization_id  uuid not null,
    user_id          uuid not null references users (id) on delete cascade,
    skill_id         varchar(100) not null,
    set_at           timestamp with time zone not null default current_timestamp,
    primary key (organization_id, user_id)
);
