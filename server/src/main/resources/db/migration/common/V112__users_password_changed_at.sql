-- When the person last changed or reset their password: a sign-in session of the authorization
-- server that began before it is ended (SignInSessions), so a password change signs out browsers
-- elsewhere as well as their refresh tokens. Runs on PostgreSQL and H2.
alter table users add column password_changed_at timestamp with time zone;
