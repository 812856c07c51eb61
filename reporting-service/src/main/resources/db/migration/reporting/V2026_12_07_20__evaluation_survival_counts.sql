-- The two Kaplan-Meier figures of the evaluation as day counts (issue 17; docs/decisions.md, "Analyst reads from day counts"):
-- time to first placement (TimeToFirstPlacementFigure) and placement retention (PlacementRetentionFigure). As of a date,
-- each observation is in one state, and each state holds from one day to another (the first day it no longer holds):
-- +1 on the first, -1 on the second. As everywhere in the counts, nothing holds before the registration.
--
-- Time to first placement, per participant with an intake, from S = GREATEST(reg, intake):
--   ttfp:placed     from GREATEST(S, first start), for good: an event, value = the days from the intake (0 if before it);
--   ttfp:left       from GREATEST(S, left) until the first start when that is later: censored at leaving, value = its day
--                   (0 if before the intake); ttfp:left:<reason> alike with value 0, the leavers by reason;
--   ttfp:waiting    from S until the earlier of the two: censored at asOf, value = the intake as an epoch day (the time,
--                   asOf - intake, is computed at read).
-- Placement retention, per placement with a start, from S = GREATEST(reg, start):
--   retention:ended    from GREATEST(S, end), for good: an event, value = end - start; retention:ended:<reason> alike, value 0;
--   retention:running  from S until then: censored at asOf, value = the start as an epoch day.
CREATE FUNCTION survival_contributions(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n integer)
    LANGUAGE sql STABLE AS $$
WITH p AS (
  SELECT f.participant_id, f.location, f.registered_on AS reg, reporting_phase_of(f.registered_on) AS phase,
         f.intake_completed_on AS intake, f.left_on, f.left_reason
    FROM participant_facts f
   WHERE f.generation = gen AND f.participant_id = ANY (ids) AND f.registered_on IS NOT NULL AND f.location IS NOT NULL),
placements AS (
  SELECT p.participant_id, GREATEST(p.reg, t.started_on) AS s,
         CASE WHEN t.ended_on IS NOT NULL THEN GREATEST(p.reg, t.started_on, t.ended_on) END AS e,
         t.started_on, t.ended_on, t.end_reason
    FROM placement_facts t JOIN p ON p.participant_id = t.participant_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids) AND t.started_on IS NOT NULL),
-- GREATEST and LEAST skip nulls: a day that does not exist stays null by the CASEs.
ttfp AS (
  SELECT p.participant_id, p.intake, p.left_on, p.left_reason, f.first_on, GREATEST(p.reg, p.intake) AS s,
         CASE WHEN f.first_on IS NOT NULL THEN GREATEST(p.reg, p.intake, f.first_on) END AS placed,
         CASE WHEN p.left_on IS NOT NULL THEN GREATEST(p.reg, p.intake, p.left_on) END AS gone
    FROM p LEFT JOIN (SELECT participant_id, min(started_on) AS first_on FROM placements GROUP BY participant_id) AS f
      ON f.participant_id = p.participant_id
   WHERE p.intake IS NOT NULL),
-- Left before the first start: censored at leaving from gone until placed.
leavers AS (
  SELECT participant_id, gone, placed, GREATEST(0, left_on - intake) AS day, left_reason FROM ttfp
   WHERE gone IS NOT NULL AND (placed IS NULL OR placed > gone)),
-- Neither yet: from s until the earlier of placed and gone.
waiting AS (
  SELECT participant_id, s, LEAST(placed, gone) AS until, intake - DATE '1970-01-01' AS intake_day FROM ttfp
   WHERE LEAST(placed, gone) IS NULL OR LEAST(placed, gone) > s),
raw (participant_id, kind, on_day, value, n) AS (
  SELECT participant_id, 'ttfp:placed', placed, GREATEST(0, first_on - intake), 1 FROM ttfp WHERE placed IS NOT NULL
  UNION ALL SELECT participant_id, 'ttfp:left', gone, day, 1 FROM leavers
  UNION ALL SELECT participant_id, 'ttfp:left', placed, day, -1 FROM leavers WHERE placed IS NOT NULL
  UNION ALL SELECT participant_id, 'ttfp:left:' || left_reason, gone, 0, 1 FROM leavers WHERE left_reason IS NOT NULL
  UNION ALL SELECT participant_id, 'ttfp:left:' || left_reason, placed, 0, -1 FROM leavers WHERE left_reason IS NOT NULL AND placed IS NOT NULL
  UNION ALL SELECT participant_id, 'ttfp:waiting', s, intake_day, 1 FROM waiting
  UNION ALL SELECT participant_id, 'ttfp:waiting', until, intake_day, -1 FROM waiting WHERE until IS NOT NULL
  UNION ALL SELECT participant_id, 'retention:ended', e, ended_on - started_on, 1 FROM placements WHERE e IS NOT NULL
  UNION ALL SELECT participant_id, 'retention:ended:' || end_reason, e, 0, 1 FROM placements WHERE e IS NOT NULL AND end_reason IS NOT NULL
  UNION ALL SELECT participant_id, 'retention:running', s, started_on - DATE '1970-01-01', 1 FROM placements WHERE e IS NULL OR e > s
  UNION ALL SELECT participant_id, 'retention:running', e, started_on - DATE '1970-01-01', -1 FROM placements WHERE e > s)
SELECT r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value, CAST(sum(r.n) AS integer)
  FROM raw r JOIN p ON p.participant_id = r.participant_id
 GROUP BY r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value
HAVING sum(r.n) <> 0
$$;
