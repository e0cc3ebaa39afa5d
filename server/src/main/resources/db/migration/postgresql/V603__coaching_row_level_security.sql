-- Row-level security on coaching's tenant tables (pattern of V102): model calls, budgets,
-- preferences (with the consent flag), sessions and their messages are visible only to the
-- organization they belong to. Streaming answers run on their own threads and bind the tenant there.

alter table coaching_model_calls enable row level security;
alter table coaching_model_calls force row level security;
create policy tenant_isolation on coaching_model_calls
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table coaching_organization_policies enable row level security;
alter table coaching_organization_policies force row level security;
create policy tenant_isolation on coaching_organization_policies
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table coaching_user_preferences enable row level security;
alter table coaching_user_preferences force row level security;
create policy tenant_isolation on coaching_user_preferences
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table coaching_sessions enable row level security;
alter table coaching_sessions force row level security;
create policy tenant_isolation on coaching_sessions
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table coaching_messages enable row level security;
alter table coaching_messages force row level security;
create policy tenant_isolation on coaching_messages
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
