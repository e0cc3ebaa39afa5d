-- content: exercises private to one organization, written by its instructors and admins through
-- the API and validated by the same rules as content/. files holds the exercise folder as a JSON
-- object (file name -> text). Tenant-owned: organization_id on every row. Runs on PostgreSQL and H2.

create table content_organization_exercises (
    organization_id  uuid not null,
    exercise_id      varchar(100) not null,
    files            text not null,
    files_hash       varchar(64) not null,
    updated_by       uuid not null,
    updated_at       timestamp with time zone not null,
    primary key (organization_id, exercise_id)
);
