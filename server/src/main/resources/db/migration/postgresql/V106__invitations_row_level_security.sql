-- Invitations belong to their organization; accepting one looks it up by token across tenants.
alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
