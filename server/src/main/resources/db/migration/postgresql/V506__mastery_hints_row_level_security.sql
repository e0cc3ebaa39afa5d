-- Row-level security on the hints a learner was shown (pattern of V502).
alter table mastery_hints enable row level security;
alter table mastery_hints force row level security;
create policy tenant_isolation on mastery_hints
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
