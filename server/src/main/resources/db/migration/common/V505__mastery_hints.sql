-- Hints a learner was shown, per item: a right answer on the item after h of them counts with
-- credit 1 / (1 + h). One row per hint, however often it is shown.
create table mastery_hints (
    organization_id  uuid not null,
    user_id          uuid not null references users (id) on delete cascade,
    item_id          varchar(200) not null,
    number           integer not null,
    revealed_at      timestamp with time zone not null,
    recorded_at      timestamp with time zone not null default current_timestamp,
    primary key (organization_id, user_id, item_id, number),
    constraint mastery_hints_number check (number >= 1)
);
