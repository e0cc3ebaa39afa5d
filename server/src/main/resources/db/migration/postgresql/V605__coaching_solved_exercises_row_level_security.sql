-- Row-level security on coaching_solved_exercises (pattern of V102). The listener that fills it
-- binds the submission's organization.
alter table coaching_solved_exercises enable row level security;
alter table coaching_solved_exercises force row level security;
create policy tenant_isolation on coaching_solved_exercises
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
