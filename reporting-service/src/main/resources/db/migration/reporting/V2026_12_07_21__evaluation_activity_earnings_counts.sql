-- The evaluation's activities and earnings figures as day counts (issue 17; docs/decisions.md, "Analyst reads from day
-- counts"), read like the metrics' counts: the sum of a kind's counts on or before asOf. The rules are ActivitiesFigure's and
-- EarningsFigure's (EvaluationFacts.Placement), written again here for the counts; ActivitiesCountsPropertyTest and
-- EarningsCountsPropertyTest hold the two writings together.
--
-- Activities: a participant is in the population from the intake (and the registration). Exposed to an activity kind:
-- its first one dated on or before the cut-off, the first placement when placed by asOf, else asOf. That only grows with
-- asOf: exposed from the activity's date if it is not after the first placement (if any), never otherwise. Placed from
-- the first placement. So every kind is a +1 on one day: act:population and act:population:placed, and per group (application-training,
-- cv-help, job-fair, any-activity) act:<group> and act:<group>:placed; no-activity is the population minus any-activity.
--
-- Earnings grow by a rate per day in work: a placement's days from its start up to its end, and per terms the days from
-- their date (at the earliest the start) up to the next terms' date or the end, with the rate hours per week (earn:hours)
-- or hours per week x cents per hour (earn:wages); 1 for the days in work (earn:days). A period [a, b) with rate r gives,
-- as of asOf, r x (min(asOf + 1, b) - a) when a <= asOf: +r on day a and -r on day b (earn:<k>), and the same times the
-- day as an epoch day (earn:<k>-at), so that the figure is (asOf + 1) x sum(earn:<k>) - sum(earn:<k>-at). The day is
-- GREATEST(the registration, a or b), like every count: work before the registration counts at once on that day.
-- earn:placements: +1 at the start. The monthly wages take each month's day for asOf but keep asOf's cohort: the work of
-- participants registered after a month's day and by asOf is in earn:wages-early(-at), dated by the work itself and
-- valued with the registration as an epoch day. Products of rates and epoch days exceed integer: n is bigint.
ALTER TABLE participant_contributions ALTER COLUMN n TYPE bigint;
ALTER TYPE scope_count ALTER ATTRIBUTE n TYPE bigint;

CREATE FUNCTION activity_earnings_contributions(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n bigint)
    LANGUAGE sql STABLE AS $$
WITH p AS (
  SELECT f.participant_id, f.location, reporting_phase_of(f.registered_on) AS phase, f.registered_on AS reg,
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
placements AS (
  SELECT t.placement_id, t.participant_id, p.reg, t.started_on, t.ended_on
    FROM placement_facts t JOIN p ON p.participant_id = t.participant_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids) AND t.started_on IS NOT NULL),
-- Each terms from their date (at the earliest the start) up to the next terms' date or the end (null: open); the terms
-- ordered by date, then by their place in the stream (two on one day: the later is in force). A period that is empty
-- (the next terms on the same day, or before the start; the end before it) counts for nothing.
terms AS (
  SELECT pl.participant_id, pl.reg, GREATEST(t.effective_on, pl.started_on) AS a,
         LEAST(lead(t.effective_on) OVER (PARTITION BY t.placement_id ORDER BY t.effective_on, t.sequence), pl.ended_on) AS b,
         t.hours_per_week, t.hourly_wage_cents
    FROM placement_terms_facts t JOIN placements pl ON pl.placement_id = t.placement_id
   -- By placement (the key), not by participant: a filter on a long array of ids would be tried on every row.
   WHERE t.generation = gen),
periods (participant_id, reg, k, a, b, r) AS (
  SELECT participant_id, reg, 'days', started_on, ended_on, CAST(1 AS bigint) FROM placements
   WHERE ended_on IS NULL OR ended_on > started_on
  UNION ALL SELECT participant_id, reg, 'hours', a, b, CAST(hours_per_week AS bigint) FROM terms WHERE b IS NULL OR b > a
  UNION ALL SELECT participant_id, reg, 'wages', a, b, hours_per_week * hourly_wage_cents FROM terms WHERE b IS NULL OR b > a),
-- +r from a and -r from b, each with its day as an epoch day.
steps (participant_id, reg, k, d, r) AS (
  SELECT participant_id, reg, k, a, r FROM periods
  UNION ALL SELECT participant_id, reg, k, b, -r FROM periods WHERE b IS NOT NULL),
raw (participant_id, kind, on_day, value, n) AS (
  SELECT participant_id, 'act:population', observed, 0, CAST(1 AS bigint) FROM activities
  UNION ALL SELECT participant_id, 'act:population:placed', GREATEST(observed, placed), 0, 1 FROM activities WHERE placed IS NOT NULL
  UNION ALL SELECT participant_id, 'act:' || grp, GREATEST(observed, exposed), 0, 1 FROM groups WHERE exposed IS NOT NULL
  UNION ALL SELECT participant_id, 'act:' || grp || ':placed', GREATEST(observed, placed), 0, 1 FROM groups
             WHERE exposed IS NOT NULL AND placed IS NOT NULL
  UNION ALL SELECT participant_id, 'earn:placements', GREATEST(reg, started_on), 0, 1 FROM placements
  UNION ALL SELECT participant_id, 'earn:' || k, GREATEST(reg, d), 0, r FROM steps
  UNION ALL SELECT participant_id, 'earn:' || k || '-at', GREATEST(reg, d), 0, r * (d - DATE '1970-01-01') FROM steps
  UNION ALL SELECT participant_id, 'earn:wages-early', d, reg - DATE '1970-01-01', r FROM steps WHERE k = 'wages' AND d < reg
  UNION ALL SELECT participant_id, 'earn:wages-early-at', d, reg - DATE '1970-01-01', r * (d - DATE '1970-01-01') FROM steps
             WHERE k = 'wages' AND d < reg)
SELECT r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value, CAST(sum(r.n) AS bigint)
  FROM raw r JOIN p ON p.participant_id = r.participant_id
 GROUP BY r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value
HAVING sum(r.n) <> 0
$$;
