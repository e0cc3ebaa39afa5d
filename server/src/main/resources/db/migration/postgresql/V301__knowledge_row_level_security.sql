-- Row-level security on organization documents (see V102 for the pattern): a connection sees only
-- its own organization's documents; the index catch-up at start-up reads across tenants with
-- app.all_tenants = 'on'.
alter table knowledge_documents enable row level security;
alter table knowledge_documents force row level security;
create policy tenant_isolation on knowledge_documents
    using (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
    with check (current_setting('app.all_tenants', true) = 'on'
           or organization_id = nullif(current_setting('app.organization_id', true), '')::uuid);
