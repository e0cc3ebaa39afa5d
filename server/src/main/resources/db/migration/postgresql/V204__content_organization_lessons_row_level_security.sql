-- Row-level security on content's organization-private lessons, as V202 does for exercises.

alter table content_organization_lessons enable row level security;
alter table content_organization_lessons force row level security;
create policy tenant_isolation on content_organization_lessons
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
