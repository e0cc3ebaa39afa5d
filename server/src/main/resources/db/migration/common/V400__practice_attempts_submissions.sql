-- practice: a learner's attempts at an exercise (with the saved draft) and the submissions graded
-- in the sandbox. Tenant-owned: organization_id on every row. Runs on PostgreSQL and H2.

create table practice_attempts (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    exercise_id      varchar(200) not null,
    draft            text not null,
    started_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index practice_attempts_user_exercise on practice_attempts (user_id, exercise_id);

create table practice_submissions (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    exercise_id      varchar(200) not null,
    attempt_id       uuid not null references practice_attempts (id),
    attempt_number   integer not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64) not null,
    code             text not null,
    status           varchar(20) not null,
    claimed_at       timestamp with time zone,
    passed           boolean,
    score            double precision,
    result           text,
    submitted_at     timestamp with time zone not null,
    graded_at        timestamp with time zone,
    constraint practice_submissions_key_per_user unique (user_id, idempotency_key),
    constraint practice_submissions_status_known check (status in ('queued', 'grading', 'graded'))
);
create index practice_submissions_user_exercise on practice_submissions (user_id, exercise_id, submitted_at);
create index practice_submissions_pending on practice_submissions (status, claimed_at);
