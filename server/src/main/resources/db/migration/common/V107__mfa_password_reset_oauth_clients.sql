-- Identity: TOTP second factor with one-time recovery codes, password reset tokens, the
-- organization behind each service client (client credentials), and whether an API key was
-- created by a sign-in verified with a second factor. Runs on PostgreSQL and on H2.

-- One authenticator per person. secret is the confirmed TOTP secret, pending_secret one being
-- enrolled; both encrypted (AES-GCM, "<key id>:<base64 nonce+ciphertext>"), never shown again.
-- last_used_step is the RFC 6238 time step of the last accepted code: a code for that step or an
-- earlier one is refused, so an observed code cannot be replayed.
create table mfa_totp (
    user_id         uuid primary key references users (id) on delete cascade,
    secret          varchar(200),
    pending_secret  varchar(200),
    confirmed_at    timestamp with time zone,
    last_used_step  bigint not null default 0,
    created_at      timestamp with time zone not null default current_timestamp
);

-- Recovery codes, each usable once; stored as "<key id>:<HMAC-SHA-256 hex>" under the MFA key, never in clear.
create table mfa_recovery_codes (
    user_id    uuid not null references users (id) on delete cascade,
    code_hash  varchar(100) not null,
    used_at    timestamp with time zone,
    primary key (user_id, code_hash)
);

-- The key that encrypts TOTP secrets when AGENTCOACH_IDENTITY_MFA_KEY is not set.
create table mfa_keys (
    id          varchar(20) primary key,
    key_value   varchar(100) not null,
    created_at  timestamp with time zone not null default current_timestamp
);

-- Password reset links: the token is mailed, only its SHA-256 is kept; single use, short-lived.
create table password_reset_tokens (
    token_hash  varchar(64) primary key,
    user_id     uuid not null references users (id) on delete cascade,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    created_at  timestamp with time zone not null default current_timestamp
);

create index password_reset_tokens_user on password_reset_tokens (user_id);

-- Confidential OAuth clients an organization registered for its service integrations; the client
-- itself (with its hashed secret) lives in oauth2_registered_client.
create table oauth_clients (
    client_id        varchar(100) primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    name             varchar(100) not null,
    scopes           varchar(1000) not null,
    created_by       uuid not null,
    created_at       timestamp with time zone not null default current_timestamp
);

create index oauth_clients_organization on oauth_clients (organization_id);

alter table api_keys add column second_factor boolean not null default false;
