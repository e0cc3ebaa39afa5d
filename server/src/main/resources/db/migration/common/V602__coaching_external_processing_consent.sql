-- A learner's consent to having their messages processed by an external model provider (OpenAI,
-- Anthropic, a remote Ollama). Off until the learner turns it on; without it the offline coach answers.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
alter table coaching_user_preferences add column external_processing_consent boolean not null default false;
