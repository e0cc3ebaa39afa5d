-- Invitations by email: the token is shown once to the inviting admin (and mailed when SMTP is
-- configured) and stored only as its SHA-256; accepting it once creates the membership.
create table invitations (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    email_key        varchar(320) not null,
    role             varchar(20) not null,
    token_hash       varchar(64) not null,
    invited_by       uuid not null,
    expires_at       timestamp with time zone not null,
    accepted_at      timestamp with time zone,
    created_at       timestamp with time zone not null default current_timestamp,
    constraint invitations_token_hash_unique unique (token_hash),
    constraint invitations_role_known check (role in ('learner', 'instructor', 'org_admin'))
);
