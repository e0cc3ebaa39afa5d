-- Row-level security on placements (pattern of V502): visible only to their organization.
alter table mastery_placements enable row level security;
alter table mastery_placements force row level security;
create policy tenant_isolation on mastery_placements
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table mastery_placement_answers enable row level security;
alter table mastery_placement_answers force row level security;
create policy tenant_isolation on mastery_placement_answers
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
