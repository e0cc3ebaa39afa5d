-- Row-level security on the coach's tool calls and its plans and reviews (pattern of V102).

alter table coaching_tool_calls enable row level security;
alter table coaching_tool_calls force row level security;
create policy tenant_isolation on coaching_tool_calls
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table coaching_plans enable row level security;
alter table coaching_plans force row level security;
create policy tenant_isolation on coaching_plans
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
