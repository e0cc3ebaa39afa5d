-- Placements: an adaptive assessment per learner (retaken as a new row), its current question and
-- the answers given, in order. The engine's state is rebuilt from the answers on each request.
create table mastery_placements (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null references users (id) on delete cascade,
    status           varchar(20) not null,
    current_item_id  varchar(200),
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    constraint mastery_placements_status check (status in ('in_progress', 'finished', 'skipped'))
);

create index mastery_placements_learner on mastery_placements (organization_id, user_id, started_at);

create table mastery_placement_answers (
    organization_id  uuid not null,
    placement_id     uuid not null references mastery_placements (id) on delete cascade,
    seq              integer not null,
    item_id          varchar(200) not null,
    skill_id         varchar(100) not null,
    correct          boolean not null,
    answered_at      timestamp with time zone not null,
    primary key (placement_id, seq),
    constraint mastery_placement_answers_once unique (placement_id, item_id)
);
