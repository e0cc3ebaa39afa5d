-- Exercises each learner has solved (a submission passed every test), from practice's
-- SubmissionGraded events: once solved, the coach no longer withholds code that resembles the
-- reference solution. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table coaching_solved_exercises (
    organization_id  uuid not null,
    user_id          uuid not null,
    exercise_id      varchar(200) not null,
    solved_at        timestamp with time zone not null,
    primary key (organization_id, user_id, exercise_id)
);
