-- The analyst's figures as day counts per scope, kept as the facts arrive (issue 17; docs/decisions.md, "Analyst reads
-- from day counts"). A figure as of a date is the sum of its counts on or before that date: a read sums a few thousand
-- rows of one scope instead of recounting the cohort.
--
-- Every participant, TWV and placement contributes +1 (an end or a withdrawal -1) to a kind on the day it starts
-- counting: GREATEST(registered_on, the fact's date), as the metrics always computed it, since a scope's facts wait for the
-- participant's registration. Medians keep a histogram: value = days. What each participant contributes is kept in
-- participant_contributions, so that a change of its facts subtracts the old contribution and adds the new one, whatever
-- the order or repetition of events.

-- The configured phases (werkdesk.reporting.phases), written at start by ScopeAggregates: a change of the configuration
-- recomputes the counts, which are kept per phase of the registration date.
CREATE TABLE reporting_phases (
    number    integer PRIMARY KEY,
    starts_on date    NOT NULL UNIQUE
);

-- The phase of a registration date: the latest phase started on or before it; -1 before the first phase.
CREATE FUNCTION reporting_phase_of(registered date) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT number FROM reporting_phases WHERE starts_on <= registered ORDER BY starts_on DESC LIMIT 1), -1)
$$;

CREATE TABLE participant_contributions (
    generation     integer NOT NULL,
    participant_id uuid    NOT NULL,
    location       text    NOT NULL,
    phase          integer NOT NULL,
    kind           text    NOT NULL,
    on_day         date    NOT NULL,
    value          integer NOT NULL,
    n              integer NOT NULL,
    PRIMARY KEY (generation, participant_id, kind, on_day, value)
);

-- The counts per day, and the same summed per month (on_month: its first day): as of a date, a read sums the months before
-- the date's month and the days of its month, a few thousand rows however long the pilot runs.
CREATE TABLE scope_day_counts (
    generation integer NOT NULL,
    kind       text    NOT NULL,
    location   text    NOT NULL,
    phase      integer NOT NULL,
    on_day     date    NOT NULL,
    value      integer NOT NULL,
    n          bigint  NOT NULL,
    PRIMARY KEY (generation, on_day, kind, location, phase, value)
);
CREATE TABLE scope_month_counts (
    generation integer NOT NULL,
    kind       text    NOT NULL,
    location   text    NOT NULL,
    phase      integer NOT NULL,
    on_month   date    NOT NULL,
    value      integer NOT NULL,
    n          bigint  NOT NULL,
    PRIMARY KEY (generation, on_month, kind, location, phase, value)
);

CREATE TYPE scope_count AS (kind text, location text, phase integer, on_day date, value integer, n integer);

-- Adds counts to the days and months, in the order of their keys.
CREATE FUNCTION reporting_add(gen integer, counts scope_count[]) RETURNS void LANGUAGE sql AS $$
WITH days AS (
  SELECT c.kind, c.location, c.phase, c.on_day, c.value, sum(c.n) AS n FROM unnest(counts) AS c
   GROUP BY c.kind, c.location, c.phase, c.on_day, c.value HAVING sum(c.n) <> 0),
day_counts AS (
  INSERT INTO scope_day_counts AS s (generation, kind, location, phase, on_day, value, n)
  SELECT gen, kind, location, phase, on_day, value, n FROM days ORDER BY on_day, kind, location, phase, value
  ON CONFLICT (generation, on_day, kind, location, phase, value) DO UPDATE SET n = s.n + excluded.n)
INSERT INTO scope_month_counts AS s (generation, kind, location, phase, on_month, value, n)
SELECT gen, kind, location, phase, CAST(date_trunc('month', on_day) AS date), value, sum(n) FROM days
 GROUP BY kind, location, phase, CAST(date_trunc('month', on_day) AS date), value HAVING sum(n) <> 0
 ORDER BY 5, 2, 3, 4, 6
ON CONFLICT (generation, on_month, kind, location, phase, value) DO UPDATE SET n = s.n + excluded.n
$$;

-- What the participants contribute, from their fact rows: one row per kind, day and value.
CREATE FUNCTION reporting_contributions(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n integer)
    LANGUAGE sql STABLE AS $$
WITH p AS (
  SELECT f.participant_id, f.location, f.registered_on AS reg, reporting_phase_of(f.registered_on) AS phase,
         f.intake_completed_on AS intake, f.first_activity_on AS activity
    FROM participant_facts f
   WHERE f.generation = gen AND f.participant_id = ANY (ids) AND f.registered_on IS NOT NULL AND f.location IS NOT NULL),
permits AS (
  SELECT p.participant_id, p.reg, t.requested_on, t.granted_on, t.refused_on
    FROM permit_facts t JOIN p ON p.participant_id = t.participant_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids)),
-- A placement counts from its start: one whose start is not known yet counts for nothing.
placements AS (
  SELECT p.participant_id, p.reg, p.intake, t.sector, t.started_on, t.ended_on, t.end_reason, t.sustained_on,
         t.sustained_withdrawn_on
    FROM placement_facts t JOIN p ON p.participant_id = t.participant_id
   WHERE t.generation = gen AND t.participant_id = ANY (ids) AND t.started_on IS NOT NULL),
-- Sustained from a to b (excluded; null: still).
sustained AS (
  SELECT participant_id, GREATEST(reg, started_on, sustained_on) AS a,
         CASE WHEN sustained_withdrawn_on IS NOT NULL THEN GREATEST(reg, started_on, sustained_on, sustained_withdrawn_on) END AS b
    FROM placements WHERE sustained_on IS NOT NULL),
-- A participant is sustained while any placement is: on each day, the placements sustained (started minus stopped so far),
-- and +1 or -1 on each day that turns that from none to some or back.
sustained_days AS (
  SELECT participant_id, d, sum(sum(e)) OVER (PARTITION BY participant_id ORDER BY d) AS held
    FROM (SELECT participant_id, a AS d, 1 AS e FROM sustained UNION ALL SELECT participant_id, b, -1 FROM sustained WHERE b IS NOT NULL) AS x
   GROUP BY participant_id, d),
sustained_flips AS (
  SELECT participant_id, d,
         CAST(sign(held) - coalesce(lag(sign(held)) OVER (PARTITION BY participant_id ORDER BY d), 0) AS integer) AS n
    FROM sustained_days),
first_placements AS (
  SELECT participant_id, min(reg) AS reg, min(intake) AS intake, min(started_on) AS started_on FROM placements GROUP BY participant_id),
first_permits AS (
  SELECT participant_id, min(reg) AS reg, min(requested_on) AS requested_on, min(granted_on) AS granted_on
    FROM permits GROUP BY participant_id),
raw (participant_id, kind, on_day, value, n) AS (
  SELECT participant_id, 'enrolled', reg, 0, 1 FROM p
  UNION ALL SELECT participant_id, 'intake', GREATEST(reg, intake), 0, 1 FROM p WHERE intake IS NOT NULL
  UNION ALL SELECT participant_id, 'activity', GREATEST(reg, activity), 0, 1 FROM p WHERE activity IS NOT NULL
  UNION ALL SELECT participant_id, 'twv-requested', GREATEST(reg, requested_on), 0, 1 FROM permits WHERE requested_on IS NOT NULL
  UNION ALL SELECT participant_id, 'twv-granted', GREATEST(reg, granted_on), 0, 1 FROM permits WHERE granted_on IS NOT NULL
  UNION ALL SELECT participant_id, 'twv-refused', GREATEST(reg, refused_on), 0, 1 FROM permits WHERE refused_on IS NOT NULL
  UNION ALL SELECT participant_id, 'twv-lead-time', GREATEST(reg, coalesce(granted_on, refused_on)),
                   coalesce(granted_on, refused_on) - requested_on, 1
              FROM permits WHERE requested_on IS NOT NULL AND coalesce(granted_on, refused_on) IS NOT NULL
  UNION ALL SELECT participant_id, 'participants-twv-requested', GREATEST(reg, requested_on), 0, 1
              FROM first_permits WHERE requested_on IS NOT NULL
  UNION ALL SELECT participant_id, 'participants-twv-granted', GREATEST(reg, granted_on), 0, 1
              FROM first_permits WHERE granted_on IS NOT NULL
  UNION ALL SELECT participant_id, 'placed', GREATEST(reg, started_on), 0, 1 FROM first_placements
  UNION ALL SELECT participant_id, 'intake-to-first-placement', GREATEST(reg, started_on, intake), started_on - intake, 1
              FROM first_placements WHERE intake IS NOT NULL
  UNION ALL SELECT participant_id, 'placements-started', GREATEST(reg, started_on), 0, 1 FROM placements
  UNION ALL SELECT participant_id, 'placements-ended', GREATEST(reg, started_on, ended_on), 0, 1 FROM placements
             WHERE ended_on IS NOT NULL
  UNION ALL SELECT participant_id, 'ended-by-coa-relocation', GREATEST(reg, started_on, ended_on), 0, 1 FROM placements
             WHERE ended_on IS NOT NULL AND end_reason = 'relocated-by-coa'
  UNION ALL SELECT participant_id, 'sector:' || sector, GREATEST(reg, started_on), 0, 1 FROM placements WHERE sector IS NOT NULL
  UNION ALL SELECT participant_id, 'sustained', a, 0, 1 FROM sustained
  UNION ALL SELECT participant_id, 'sustained', b, 0, -1 FROM sustained WHERE b IS NOT NULL
  UNION ALL SELECT participant_id, 'participants-sustained', d, 0, n FROM sustained_flips WHERE n <> 0)
SELECT r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value, CAST(sum(r.n) AS integer)
  FROM raw r JOIN p ON p.participant_id = r.participant_id
 GROUP BY r.participant_id, p.location, p.phase, r.kind, r.on_day, r.value
HAVING sum(r.n) <> 0
$$;

-- Subtracts what the participants contributed, recomputes it from their facts, adds it. One writer per generation at a
-- time (a transaction-scoped lock, taken at commit): two transactions that touched the same day's counts in different
-- orders would otherwise deadlock, and the counts of one day are one row that every writer of that day waits for anyway.
-- The statements after the lock see what the previous holder committed.
CREATE FUNCTION reporting_refresh(gen integer, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
        RETURNING kind, location, phase, on_day, value, n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO after FROM new;
    PERFORM reporting_add(gen, coalesce(before, '{}') || coalesce(after, '{}'));
END
$$;

-- The counts of a whole generation from its facts: a rebuild's, at its switch; all of them when the phases changed.
CREATE FUNCTION reporting_fill(gen integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(1717, gen);
    DELETE FROM participant_contributions WHERE generation = gen;
    DELETE FROM scope_day_counts WHERE generation = gen;
    DELETE FROM scope_month_counts WHERE generation = gen;
    SELECT array_agg(participant_id ORDER BY participant_id) INTO ids FROM participant_facts WHERE generation = gen;
    IF ids IS NOT NULL THEN
        PERFORM reporting_refresh(gen, ids);
    END IF;
END
$$;

-- Every statement that writes participant, permit or placement facts marks the participants it touched, set-wise (a
-- consumer's batch and a bulk INSERT of 100,000 rows take the same path); at commit, the transaction's marks are counted
-- in one refresh (a deferred trigger), so a batch of events costs one refresh of its participants, not one per statement.
-- The live generation and the one a rebuild fills (into which the live consumers write too) are kept; the rebuild's own
-- batches skip it (werkdesk.bulk_facts = 'on' in their transaction) and reporting_fill sums the generation at the switch.
-- No unique key: two transactions that touch one participant do not wait for each other here, but in the refresh's lock.
CREATE TABLE reporting_touched (
    generation     integer NOT NULL,
    participant_id uuid    NOT NULL
);

CREATE FUNCTION reporting_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('werkdesk.bulk_facts', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO reporting_touched (generation, participant_id)
    SELECT DISTINCT c.generation, c.participant_id FROM changed c JOIN projection_state s ON s.id = 1
     WHERE c.generation = s.live_generation OR c.generation = s.building_generation;
    RETURN NULL;
END
$$;

-- At commit, once per transaction: the first of its marks counts them all (and removes them); the others find theirs gone.
CREATE FUNCTION reporting_count_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM reporting_touched WHERE ctid = NEW.ctid) THEN
        RETURN NULL;
    END IF;
    FOR touched IN
        WITH done AS (DELETE FROM reporting_touched RETURNING generation, participant_id)
        SELECT generation, array_agg(DISTINCT participant_id) AS ids FROM done GROUP BY generation ORDER BY generation
    LOOP
        PERFORM reporting_refresh(touched.generation, touched.ids);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER reporting_touched_counted AFTER INSERT ON reporting_touched DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION reporting_count_touched();

CREATE TRIGGER participant_facts_inserted AFTER INSERT ON participant_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();
CREATE TRIGGER participant_facts_updated AFTER UPDATE ON participant_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();
CREATE TRIGGER permit_facts_inserted AFTER INSERT ON permit_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();
CREATE TRIGGER permit_facts_updated AFTER UPDATE ON permit_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();
CREATE TRIGGER placement_facts_inserted AFTER INSERT ON placement_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();
CREATE TRIGGER placement_facts_updated AFTER UPDATE ON placement_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();

-- reporting_phases starts empty: at its first start the service writes the configured phases and fills the counts of the
-- facts written before this migration (ScopeAggregates).
