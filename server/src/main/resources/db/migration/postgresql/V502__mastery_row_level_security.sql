-- Row-level security on mastery's tenant tables (pattern of V102): answers, current estimates,
-- their history and goals are visible only to the organization they belong to. The scheduled
-- refit of the tracing model reads every organization's answers with app.all_tenants = 'on'.
alter table mastery_attempts enable row level security;
alter table mastery_attempts force row level security;
create policy tenant_isolation on mastery_attempts
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table mastery_skill_states enable row level security;
alter table mastery_skill_states force row level security;
create policy tenant_isolation on mastery_skill_states
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table mastery_history enable row level security;
alter table mastery_history force row level security;
create policy tenant_isolation on mastery_history
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);

alter table mastery_goals enable row level security;
alter table mastery_goals force row level security;
create policy tenant_isolation on mastery_goals
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
