-- The TWV burden (GET /api/v1/evaluation/twv-burden) as day counts, like the metrics' (V2026_12_07_10; docs/decisions.md,
-- "Analyst reads from day counts"): what TwvBurdenFigure computes as of a date is a sum of these kinds up to that date
-- (TwvCounts reads them). As there, nothing counts before the participant's registration.

-- What the participants contribute to the TWV burden, as reporting_contributions does for the metrics.
--   twv:outcome:<outcome>   a request, from its request on, in its outcome as of the day (granted > refused > withdrawn >
--                           pending): +1 on the day it enters an outcome, -1 on the day it leaves it
--   twv:closed:<how>        a pending request closed without UWV's decision (declined > no-longer-required >
--                           ended-with-reception), the same way
--   twv:lead-time:intermediary / twv:lead-time:direct
--                           a request decided by UWV as of the day (granted, else refused): value = days from the request
--   twv:waited              a placement on a TWV, from its start: value = days from the TWV's request to the start
--   twv:not-earned          the same, n = hours per week x hourly wage cents of the terms in force at the start (the read
--                           sums value x n; the placement service keeps n within 60 x 100,000)
--   twv:refused-or-withdrawn, twv:refused-or-withdrawn-not-placed
--                           a participant, from the first day a request of theirs is refused or withdrawn; the second
--                           until their first placement starts
-- A request's state changes only on the days its dates start to count: it is evaluated on each of them, and a kind is
-- left (-1) and entered (+1) where the state differs from the one before (the same kind's -1 and +1 cancel in the sum).
CREATE FUNCTION twv_contributions(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n integer)
    LANGUAGE sql STABLE AS $$
WITH p AS (
  SELECT f.participant_id, f.location, f.registered_on AS reg, reporting_phase_of(f.registered_on) AS phase
    FROM participant_facts f
   WHERE f.generation = gen AND f.participant_id = ANY (ids) AND f.registered_on IS NOT NULL AND f.location IS NOT NULL),
requests AS (
  SELECT t.permit_id, t.participant_id, GREATEST(p.reg, t.requested_on) AS counted_from, t.requested_on,
         coalesce(t.via_intermediary, false) AS via_intermediary, t.granted_on, t.refused_on, t.withdrawn_on, t.declined_on,
         t.no_longer_required_on, t.reception_ended_on
    FROM permit_facts t JOIN p ON p.participant_id = t.participant_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids) AND t.requested_on IS NOT NULL),
days AS (
  SELECT DISTINCT r.permit_id, GREATEST(r.counted_from, x.d) AS d
    FROM requests r CROSS JOIN LATERAL (VALUES (r.requested_on), (r.granted_on), (r.refused_on), (r.withdrawn_on), (r.declined_on),
                                               (r.no_longer_required_on), (r.reception_ended_on)) AS x (d)
   WHERE x.d IS NOT NULL),
states AS (
  SELECT r.permit_id, r.participant_id, s.d,
         'twv:outcome:' || CASE WHEN r.granted_on <= s.d THEN 'granted' WHEN r.refused_on <= s.d THEN 'refused'
                                WHEN r.withdrawn_on <= s.d THEN 'withdrawn' ELSE 'pending' END AS outcome,
         'twv:closed:' || CASE WHEN r.granted_on <= s.d OR r.refused_on <= s.d OR r.withdrawn_on <= s.d THEN NULL
                               WHEN r.declined_on <= s.d THEN 'declined' WHEN r.no_longer_required_on <= s.d THEN 'no-longer-required'
                               WHEN r.reception_ended_on <= s.d THEN 'ended-with-reception' END AS closed,
         CASE WHEN r.granted_on <= s.d OR r.refused_on <= s.d
              THEN CASE WHEN r.via_intermediary THEN 'twv:lead-time:intermediary' ELSE 'twv:lead-time:direct' END END AS lead_kind,
         CASE WHEN r.granted_on <= s.d THEN r.granted_on WHEN r.refused_on <= s.d THEN r.refused_on END - r.requested_on AS lead_time
    FROM requests r JOIN days s ON s.permit_id = r.permit_id),
changes AS (
  SELECT participant_id, d, outcome, closed, lead_kind, lead_time,
         lag(outcome) OVER w AS was_outcome, lag(closed) OVER w AS was_closed, lag(lead_kind) OVER w AS was_lead_kind,
         lag(lead_time) OVER w AS was_lead_time
    FROM states WINDOW w AS (PARTITION BY permit_id ORDER BY d)),
refusals AS (
  SELECT r.participant_id, min(GREATEST(r.counted_from, LEAST(r.refused_on, r.withdrawn_on))) AS d
    FROM requests r WHERE r.refused_on IS NOT NULL OR r.withdrawn_on IS NOT NULL GROUP BY r.participant_id),
first_placements AS (
  SELECT t.participant_id, min(t.started_on) AS started_on
    FROM placement_facts t JOIN p ON p.participant_id = t.participant_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids) GROUP BY t.participant_id),
waits AS (
  SELECT t.participant_id, GREATEST(p.reg, t.started_on) AS d, t.started_on - r.requested_on AS waited,
         (SELECT CAST(s.hours_per_week AS bigint) * s.hourly_wage_cents FROM placement_terms_facts s
           WHERE s.generation = gen AND s.placement_id = t.placement_id AND s.effective_on <= t.started_on
           ORDER BY s.effective_on DESC, s.sequence DESC LIMIT 1) AS weekly
    FROM placement_facts t JOIN p ON p.participant_id = t.participant_id
    JOIN permit_facts r ON r.generation = gen AND r.permit_id = t.permit_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids) AND t.started_on IS NOT NULL AND r.requested_on IS NOT NULL),
raw (participant_id, kind, on_day, value, n) AS (
  SELECT participant_id, outcome, d, 0, 1 FROM changes
  UNION ALL SELECT participant_id, was_outcome, d, 0, -1 FROM changes WHERE was_outcome IS NOT NULL
  UNION ALL SELECT participant_id, closed, d, 0, 1 FROM changes WHERE closed IS NOT NULL
  UNION ALL SELECT participant_id, was_closed, d, 0, -1 FROM changes WHERE was_closed IS NOT NULL
  UNION ALL SELECT participant_id, lead_kind, d, lead_time, 1 FROM changes WHERE lead_kind IS NOT NULL
  UNION ALL SELECT participant_id, was_lead_kind, d, was_lead_time, -1 FROM changes WHERE was_lead_kind IS NOT NULL
  UNION ALL SELECT participant_id, 'twv:refused-or-withdrawn', d, 0, 1 FROM refusals
  UNION ALL SELECT r.participant_id, 'twv:refused-or-withdrawn-not-placed', r.d, 0, 1
              FROM refusals r LEFT JOIN first_placements f ON f.participant_id = r.participant_id
             WHERE f.started_on IS NULL OR f.started_on > r.d
  UNION ALL SELECT r.participant_id, 'twv:refused-or-withdrawn-not-placed', f.started_on, 0, -1
              FROM refusals r JOIN first_placements f ON f.participant_id = r.participant_id WHERE f.started_on > r.d
  UNION ALL SELECT participant_id, 'twv:waited', d, waited, 1 FROM waits
  UNION ALL SELECT participant_id, 'twv:not-earned', d, waited, weekly FROM waits WHERE weekly IS NOT NULL)
SELECT r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value, CAST(sum(r.n) AS integer)
  FROM raw r JOIN p ON p.participant_id = r.participant_id
 GROUP BY r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value
HAVING sum(r.n) <> 0
$$;
