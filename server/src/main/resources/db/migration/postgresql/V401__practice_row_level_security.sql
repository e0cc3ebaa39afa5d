-- Row-level security on practice's tenant tables, as V102 does for identity: a connection sees and
-- writes only the rows of the organization it is bound to (app.organization_id); the grader's
-- system-wide scan for unfinished submissions binds as the system (app.all_tenants = 'on').

alter table practice_attempts enable row level security;
alter table practice_attempts force row level security;
create policy tenant_isolation on practice_attempts
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table practice_submissions enable row level security;
alter table practice_submissions force row level security;
create policy tenant_isolation on practice_submissions
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
