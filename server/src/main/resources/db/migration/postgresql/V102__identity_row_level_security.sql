-- Row-level security on identity's tenant tables. The application's connections say which
-- organization they work for (app.organization_id, set by platform's TenantBindingDataSource on
-- every checkout); app.all_tenants = 'on' marks the few lookups that must look across tenants
-- (finding the account behind a login or an API key). FORCE makes the policies apply to the
-- tables' owner too, so an application that owns its tables is still confined; only superusers
-- and roles with BYPASSRLS escape them (docs/operations.md says how to set up the roles).

alter table memberships enable row level security;
alter table memberships force row level security;
create policy tenant_isolation on memberships
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy tenant_isolation on api_keys
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
