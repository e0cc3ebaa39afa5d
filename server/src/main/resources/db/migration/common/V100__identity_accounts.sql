-- Identity: credentials and lockout on users, memberships with roles, API keys, signing keys.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

alter table users add column password_hash varchar(200);
alter table users add column active boolean not null default true;
alter table users add column platform_admin boolean not null default false;
-- consecutive failed password logins since the last success, and until when logins are refused
alter table users add column failed_logins integer not null default 0;
alter table users add column locked_until timestamp with time zone;

create table memberships (
    organization_id  uuid not null references organizations (id) on delete cascade,
    user_id          uuid not null references users (id) on delete cascade,
    role             varchar(20) not null,
    active           boolean not null default true,
    created_at       timestamp with time zone not null default current_timestamp,
    updated_at       timestamp with time zone not null default current_timestamp,
    primary key (organization_id, user_id),
    constraint memberships_role_known check (role in ('learner', 'instructor', 'org_admin'))
);

create index memberships_user on memberships (user_id);

create table api_keys (
    id               uuid primary key,
    organization_id  uuid not null,
    user_id          uuid not null,
    name             varchar(100) not null,
    -- the first characters of the secret, shown in listings so people can tell keys apart
    prefix           varchar(20) not null,
    -- SHA-256 of the whole secret, hex; the secret itself is never stored
    secret_hash      varchar(64) not null,
    scopes           varchar(1000) not null,
    expires_at       timestamp with time zone,
    last_used_at     timestamp with time zone,
    usage_count      bigint not null default 0,
    revoked_at       timestamp with time zone,
    created_at       timestamp with time zone not null default current_timestamp,
    constraint api_keys_secret_hash_unique unique (secret_hash),
    constraint api_keys_membership foreign key (organization_id, user_id)
        references memberships (organization_id, user_id) on delete cascade
);

create index api_keys_owner on api_keys (organization_id, user_id);

-- RSA keys that sign access tokens; the newest signs, all unretired ones verify
create table signing_keys (
    kid          varchar(64) primary key,
    public_key   varchar(4000) not null,
    private_key  varchar(8000) not null,
    created_at   timestamp with time zone not null default current_timestamp,
    retired_at   timestamp with time zone
);
