-- The evaluation's activities figure as day counts (issue 17; docs/decisions.md, "Analyst reads from day counts"), read
-- like the metrics' counts: the sum of a kind's counts on or before asOf. The rule is ActivitiesFigure's, written again here
-- for the counts; ActivitiesCountsPropertyTest holds the two together.
--
-- Activities: a participant is in the population from the intake (and the registration). Exposed to an activity kind:
-- its first one dated on or before the cut-off, the first placement when placed by asOf, else asOf. That only grows with
-- asOf: exposed from the activity's date if it is not after the first placement (if any), never otherwise. Placed from
-- the first placement. So every kind is a +1 on one day: act:population and act:population:placed, and per group (application-training,
-- cv-help, job-fair, any-activity) act:<group> and act:<group>:placed; no-activity is the population minus any-activity.
CREATE FUNCTION activity_earnings_contributions(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n integer)
    LANGUAGE sql STABLE AS $$
WITH p AS (
  SELECT f.participant_id, f.location, reporting_phase_of(f.registered_on) AS phase,
         GREATEST(f.registered_on, f.intake_completed_on) AS observed, f.intake_completed_on AS intake,
         f.first_application_training_on, f.first_cv_help_on, f.first_job_fair_on
    FROM participant_facts f
   WHERE f.generation = gen AND f.participant_id = ANY (ids) AND f.registered_on IS NOT NULL AND f.location IS NOT NULL),
first_placements AS (
  SELECT t.participant_id, min(t.started_on) AS started_on FROM placement_facts t
   WHERE t.generation = gen AND t.participant_id = ANY (ids) AND t.started_on IS NOT NULL GROUP BY t.participant_id),
-- Per participant with an intake: from when it counts, the first placement, and each kind's first activity if it is not
-- after the first placement (else it never counts).
activities AS (
  SELECT p.participant_id, p.observed, f.started_on AS placed,
         CASE WHEN p.first_application_training_on <= coalesce(f.started_on, 'infinity') THEN p.first_application_training_on END AS training,
         CASE WHEN p.first_cv_help_on <= coalesce(f.started_on, 'infinity') THEN p.first_cv_help_on END AS cv_help,
         CASE WHEN p.first_job_fair_on <= coalesce(f.started_on, 'infinity') THEN p.first_job_fair_on END AS job_fair
    FROM p LEFT JOIN first_placements f ON f.participant_id = p.participant_id
   WHERE p.intake IS NOT NULL),
groups (participant_id, observed, placed, grp, exposed) AS (
  SELECT participant_id, observed, placed, 'application-training', training FROM activities
  UNION ALL SELECT participant_id, observed, placed, 'cv-help', cv_help FROM activities
  UNION ALL SELECT participant_id, observed, placed, 'job-fair', job_fair FROM activities
  -- LEAST ignores nulls: the first of the kinds that count, null when none does.
  UNION ALL SELECT participant_id, observed, placed, 'any-activity', LEAST(training, cv_help, job_fair) FROM activities),
raw (participant_id, kind, on_day, n) AS (
  SELECT participant_id, 'act:population', observed, 1 FROM activities
  UNION ALL SELECT participant_id, 'act:population:placed', GREATEST(observed, placed), 1 FROM activities WHERE placed IS NOT NULL
  UNION ALL SELECT participant_id, 'act:' || grp, GREATEST(observed, exposed), 1 FROM groups WHERE exposed IS NOT NULL
  UNION ALL SELECT participant_id, 'act:' || grp || ':placed', GREATEST(observed, placed), 1 FROM groups
             WHERE exposed IS NOT NULL AND placed IS NOT NULL)
SELECT r.participant_id, p.location, p.phase, r.kind, r.on_day, 0, CAST(sum(r.n) AS integer)
  FROM raw r JOIN p ON p.participant_id = r.participant_id
 GROUP BY r.participant_id, p.location, p.phase, r.kind, r.on_day
$$;

-- As V2026_12_07_10's, with these contributions beside the metrics'.
CREATE OR REPLACE FUNCTION reporting_refresh(gen integer, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    before scope_count[];
    after  scope_count[];
BEGIN
    PERFORM pg_advisory_xact_lock(1717, gen);
    WITH old AS (
        DELETE FROM participant_contributions c WHERE c.generation = gen AND c.participant_id = ANY (ids)
        RETURNING c.kind, c.location, c.phase, c.on_day, c.value, -c.n AS n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO before FROM old;
    WITH new AS (
        INSERT INTO participant_contributions (generation, participant_id, location, phase, kind, on_day, value, n)
        SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM reporting_contributions(gen, ids) c
        UNION ALL
        SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM activity_earnings_contributions(gen, ids) c
        RETURNING kind, location, phase, on_day, value, n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO after FROM new;
    PERFORM reporting_add(gen, coalesce(before, '{}') || coalesce(after, '{}'));
END
$$;

-- The facts written before this migration: counted again with these kinds.
SELECT reporting_fill(live_generation) FROM projection_state WHERE id = 1;
