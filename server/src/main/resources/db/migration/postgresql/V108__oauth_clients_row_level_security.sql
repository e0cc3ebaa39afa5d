-- Service clients belong to their organization; issuing a token looks the client up across
-- tenants (app.all_tenants = 'on').
alter table oauth_clients enable row level security;
alter table oauth_clients force row level security;
create policy tenant_isolation on oauth_clients
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
