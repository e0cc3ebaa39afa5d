-- Audit events whose personal fields can be cleared when a person deletes their account while the
-- chain stays verifiable: from hash_version 2 on, an event's hash covers salted digests of its
-- actor part (actor_id, ip, user_agent) and of its subject part (target, details) instead of
-- those fields. Clearing a part removes its fields and salt and keeps its digest; erased_as then
-- holds the pseudonym the deleted account's events share (named by its account.deleted event).
-- Events written before (hash_version 1) hash their fields directly. Runs on PostgreSQL and H2.
alter table audit_events add column hash_version smallint not null default 1;
alter table audit_events add column actor_salt varchar(32);
alter table audit_events add column actor_digest varchar(64);
alter table audit_events add column subject_salt varchar(32);
alter table audit_events add column subject_digest varchar(64);
alter table audit_events add column erased_as varchar(64);

create index audit_events_actor on audit_events (actor_id);
create index audit_events_target on audit_events (target);
