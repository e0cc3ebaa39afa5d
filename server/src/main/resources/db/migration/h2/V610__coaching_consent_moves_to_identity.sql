-- The learner's consent to external processing moves to identity's consent records (purpose
-- external-model-processing, wording version 1), where every module checks it. A learner who
-- consented in any organization keeps their consent.
insert into consent_records (user_id, purpose, granted, wording_version, recorded_at)
select user_id, 'external-model-processing', true, 1, max(updated_at)
from coaching_user_preferences where external_processing_consent
group by user_id;

alter table coaching_user_preferences drop column external_processing_consent;
