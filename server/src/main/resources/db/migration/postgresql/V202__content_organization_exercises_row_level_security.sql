-- Row-level security on content's organization-private exercises, as V102 does for identity:
-- a connection sees and writes only the rows of the organization it is bound to
-- (app.organization_id), or all of them when bound as the system (app.all_tenants = 'on').

alter table content_organization_exercises enable row level security;
alter table content_organization_exercises force row level security;
create policy tenant_isolation on content_organization_exercises
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
