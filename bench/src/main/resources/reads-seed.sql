-- The "reads" section's dataset: :participants participants' facts written straight into reporting-service's projection
-- tables of the live generation (no REST play), shaped like the pilot scenario at scale: three locations, enrolments over
-- 2025-01-06 .. 2026-10-31, about 90 % with an intake, 60 % an activity, 40 % a TWV request, 30 % a placement (a few two),
-- hours changes, ends, leavers, bookings and corrections. Deterministic (setseed). {participants} is replaced by the
-- harness (Bench, section "reads") with the number of participants.
SELECT setseed(0.17);
CREATE TEMP TABLE seed_live AS SELECT live_generation AS generation FROM projection_state WHERE id = 1;
CREATE TEMP TABLE seed_participants AS
SELECT md5('p' || i)::uuid AS participant_id,
       (ARRAY['Willinklaan', 'Kabelweg', 'Provincialeweg'])[1 + (i % 3)] AS location,
       DATE '2025-01-06' + (random() * 663)::int AS registered_on,
       random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, i
  FROM generate_series(1, {participants}) AS i;

INSERT INTO participant_facts (generation, participant_id, location, registered_on, intake_completed_on, first_activity_on,
                               first_application_training_on, first_cv_help_on, first_job_fair_on, left_on, left_reason,
                               asylum_track, w_document_type, dutch_level, english_level, sector_preferences)
SELECT (SELECT generation FROM seed_live), participant_id, location, registered_on,
       CASE WHEN r1 < 0.9 THEN registered_on + (r2 * 30)::int END,
       CASE WHEN r1 < 0.6 THEN registered_on + 10 + (r3 * 60)::int END,
       CASE WHEN r1 < 0.4 THEN registered_on + 10 + (r3 * 60)::int END,
       CASE WHEN r1 < 0.6 AND r4 < 0.5 THEN registered_on + 20 + (r3 * 60)::int END,
       CASE WHEN r1 < 0.3 AND r4 > 0.3 THEN registered_on + 15 + (r2 * 80)::int END,
       CASE WHEN r5 < 0.08 THEN registered_on + 30 + (r5 * 3000)::int END,
       CASE WHEN r5 < 0.08 THEN (ARRAY['found-work-elsewhere', 'relocated-out-of-region', 'departed'])[1 + (i % 3)] END,
       'general', 'w', 'a1', 'b1', 'horeca'
  FROM seed_participants;

-- TWV requests: about 40 % of participants, 10 % of them a second one; about a quarter refused, a few withdrawn or pending.
CREATE TEMP TABLE seed_permits AS
SELECT md5('t' || i || '-' || n)::uuid AS permit_id, participant_id, registered_on + 40 + (r2 * 120)::int + n * 90 AS requested_on,
       (i % 2 = 0) AS via_intermediary, r3, r4, n, i
  FROM seed_participants, generate_series(0, 1) AS n
 WHERE r1 < 0.4 AND (n = 0 OR r5 < 0.1);
INSERT INTO permit_facts (generation, permit_id, participant_id, requested_on, granted_on, refused_on, via_intermediary, withdrawn_on)
SELECT (SELECT generation FROM seed_live), permit_id, participant_id, requested_on,
       CASE WHEN r3 < 0.7 THEN requested_on + 10 + (r4 * 40)::int END,
       CASE WHEN r3 >= 0.7 AND r3 < 0.95 THEN requested_on + 10 + (r4 * 40)::int END,
       via_intermediary,
       CASE WHEN r3 >= 0.95 AND r3 < 0.98 THEN requested_on + (r4 * 20)::int END
  FROM seed_permits;

-- Placements on granted TWVs, a few more for status holders; a third ended, some sustained (and a few withdrawn).
CREATE TEMP TABLE seed_placements AS
SELECT md5('pl' || p.permit_id)::uuid AS placement_id, p.participant_id, p.permit_id,
       p.requested_on + 10 + (p.r4 * 40)::int + 5 AS started_on, p.r3, p.r4, p.i
  FROM seed_permits p WHERE p.r3 < 0.7
UNION ALL
SELECT md5('ps' || s.i)::uuid, s.participant_id, NULL, s.registered_on + 50 + (s.r2 * 200)::int, s.r3, s.r4, s.i
  FROM seed_participants s WHERE s.r1 >= 0.4 AND s.r1 < 0.43;
INSERT INTO placement_facts (generation, placement_id, participant_id, sector, started_on, ended_on, end_reason, sustained_on,
                             sustained_withdrawn_on, permit_id, contract_type)
SELECT (SELECT generation FROM seed_live), placement_id, participant_id,
       (ARRAY['horeca', 'production', 'logistics', 'cleaning', 'home-care'])[1 + (i % 5)], started_on,
       CASE WHEN r4 < 0.35 THEN started_on + 14 + (r3 * 300)::int END,
       CASE WHEN r4 < 0.35 THEN (ARRAY['relocated-by-coa', 'contract-ended', 'dismissed', 'quit'])[1 + (i % 4)] END,
       CASE WHEN r4 >= 0.35 OR started_on + 14 + (r3 * 300)::int >= started_on + 182 THEN started_on + 182 END,
       CASE WHEN r4 < 0.02 THEN started_on + 190 END,
       permit_id, 'temporary'
  FROM seed_placements;
INSERT INTO placement_terms_facts (generation, placement_id, sequence, participant_id, effective_on, hours_per_week, hourly_wage_cents)
SELECT (SELECT generation FROM seed_live), placement_id, 1, participant_id, started_on, 16 + (i % 25), 1400 + (i % 700) FROM seed_placements
UNION ALL
SELECT (SELECT generation FROM seed_live), placement_id, 3, participant_id, started_on + 60, 20 + (i % 18), 1450 + (i % 700) FROM seed_placements WHERE r3 < 0.2;

INSERT INTO activity_facts (generation, event_id, participant_id, kind, completed_on)
SELECT (SELECT generation FROM seed_live), md5('a' || i || '-' || k)::uuid, participant_id, (ARRAY['application-training', 'cv-help', 'job-fair'])[k],
       registered_on + 10 + (r3 * 60)::int + k
  FROM seed_participants, generate_series(1, 3) AS k WHERE r1 < 0.6 AND (k = 1 OR r4 < 0.5);

INSERT INTO budget_allocation_facts (generation, allocation_id, phase, amount_cents, allocated_on) 
SELECT generation, md5('b1')::uuid, 1, 75000000, DATE '2025-01-01' FROM seed_live
UNION ALL SELECT generation, md5('b2')::uuid, 2, 175000000, DATE '2025-08-01' FROM seed_live;
INSERT INTO expenditure_booking_facts (generation, booking_id, category, amount_cents, location, booked_on)
SELECT (SELECT generation FROM seed_live), md5('e' || d)::uuid, (ARRAY['werkdesk-staff', 'training', 'job-fairs', 'intermediary-fees'])[1 + (d % 4)], 50000 + (d % 97) * 1000,
       CASE WHEN d % 4 = 3 THEN NULL ELSE (ARRAY['Willinklaan', 'Kabelweg', 'Provincialeweg'])[1 + (d % 3)] END,
       DATE '2025-01-06' + d
  FROM generate_series(0, 690) AS d;
INSERT INTO expenditure_correction_facts (generation, correction_id, booking_id, amount_cents, corrected_on)
SELECT (SELECT generation FROM seed_live), md5('k' || d)::uuid, md5('e' || d)::uuid, -10000, DATE '2025-01-06' + d + 20 FROM generate_series(0, 690, 23) AS d;

-- The provenance: one event per fact-establishing event, roughly (registration, intake, activities, TWV, placements).
INSERT INTO event_facts (generation, event_id, topic, occurred_on)
SELECT (SELECT generation FROM seed_live), md5('ev-r' || participant_id)::uuid, 'werkdesk.participants.v1', registered_on FROM seed_participants
UNION ALL SELECT (SELECT generation FROM seed_live), md5('ev-i' || participant_id)::uuid, 'werkdesk.participants.v1', intake_completed_on FROM participant_facts WHERE intake_completed_on IS NOT NULL
UNION ALL SELECT (SELECT generation FROM seed_live), event_id, 'werkdesk.participants.v1', completed_on FROM activity_facts
UNION ALL SELECT (SELECT generation FROM seed_live), md5('ev-t' || permit_id)::uuid, 'werkdesk.permits.v1', requested_on FROM permit_facts
UNION ALL SELECT (SELECT generation FROM seed_live), md5('ev-g' || permit_id)::uuid, 'werkdesk.permits.v1', coalesce(granted_on, refused_on) FROM permit_facts WHERE coalesce(granted_on, refused_on) IS NOT NULL
UNION ALL SELECT (SELECT generation FROM seed_live), md5('ev-s' || placement_id)::uuid, 'werkdesk.placements.v1', started_on FROM placement_facts
UNION ALL SELECT (SELECT generation FROM seed_live), md5('ev-e' || placement_id)::uuid, 'werkdesk.placements.v1', ended_on FROM placement_facts WHERE ended_on IS NOT NULL;
ANALYZE;
