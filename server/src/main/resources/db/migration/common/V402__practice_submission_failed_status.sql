-- practice: a submission whose exercise no longer exists when a grader claims it ends as 'failed'
-- (graded_at set, no verdict) instead of being re-queued for ever. Runs on PostgreSQL and H2.

alter table practice_submissions drop constraint practice_submissions_status_known;
alter table practice_submissions add constraint practice_submissions_status_known
    check (status in ('queued', 'grading', 'graded', 'failed'));
