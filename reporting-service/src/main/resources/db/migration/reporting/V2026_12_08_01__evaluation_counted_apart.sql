-- The evaluation's day counts, counted off the consumers' commit (issue 17; docs/decisions.md, "The evaluation's counts
-- follow the commit"). Counting every figure at commit (V2026_12_07_23) made the metrics' end-to-end p99 at 100
-- commands/s 832 instead of 392 ms: the consumers paid for figures nobody reads within the second. Now a commit counts
-- the metrics' kinds of its participants, as before the evaluation's counts, and marks them pending for the evaluation's
-- kinds (ttfp:, retention:, act:, earn:, twv:); evaluation_count_pending counts them, called every
-- werkdesk.reporting.evaluation-counting-interval by EvaluationCounting and before every read of an evaluation figure, so
-- a figure still counts every event processed before it was read.

-- What each participant contributes to the evaluation's kinds, apart from the metrics' (participant_contributions), so
-- that each is refreshed on its own; the day and month counts keep both, told apart by kind.
CREATE TABLE evaluation_contributions (LIKE participant_contributions INCLUDING ALL);

-- Participants whose facts changed since their evaluation contributions were counted; no unique key, as reporting_touched.
CREATE TABLE evaluation_pending (
    generation     integer NOT NULL,
    participant_id uuid    NOT NULL
);

WITH moved AS (
    DELETE FROM participant_contributions WHERE split_part(kind, ':', 1) IN ('ttfp', 'retention', 'act', 'earn', 'twv')
    RETURNING generation, participant_id, location, phase, kind, on_day, value, n)
INSERT INTO evaluation_contributions (generation, participant_id, location, phase, kind, on_day, value, n)
SELECT generation, participant_id, location, phase, kind, on_day, value, n FROM moved;

CREATE FUNCTION evaluation_contributions_of(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n bigint)
    LANGUAGE sql STABLE AS $$
SELECT * FROM survival_contributions(gen, ids)
UNION ALL SELECT * FROM activity_earnings_contributions(gen, ids)
UNION ALL SELECT * FROM twv_contributions(gen, ids)
$$;

-- At commit: the metrics' kinds (lock 1717 per generation), and the participants marked for the evaluation's.
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
        RETURNING kind, location, phase, on_day, value, n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO after FROM new;
    PERFORM reporting_add(gen, coalesce(before, '{}') || coalesce(after, '{}'));
    INSERT INTO evaluation_pending (generation, participant_id) SELECT gen, unnest(ids);
END
$$;

-- The evaluation's kinds of these participants: reporting_refresh's steps on evaluation_contributions, under their own lock
-- (1718 per generation), so that counting them never holds up a consumer's commit. Static SQL, not one function for both
-- tables by EXECUTE: a commit's refresh keeps its cached plan.
CREATE FUNCTION evaluation_refresh(gen integer, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    before scope_count[];
    after  scope_count[];
BEGIN
    WITH old AS (
        DELETE FROM evaluation_contributions c WHERE c.generation = gen AND c.participant_id = ANY (ids)
        RETURNING c.kind, c.location, c.phase, c.on_day, c.value, -c.n AS n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO before FROM old;
    WITH new AS (
        INSERT INTO evaluation_contributions (generation, participant_id, location, phase, kind, on_day, value, n)
        SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM evaluation_contributions_of(gen, ids) c
        RETURNING kind, location, phase, on_day, value, n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO after FROM new;
    PERFORM reporting_add(gen, coalesce(before, '{}') || coalesce(after, '{}'));
END
$$;

-- Counts the pending participants of the live and the building generation (a removed generation's are dropped); returns
-- how many. Two callers at once: the second waits for the first's lock, then finds only what was marked since.
CREATE FUNCTION evaluation_count_pending() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    gen     integer;
    ids     uuid[];
    counted integer := 0;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM evaluation_pending) THEN
        RETURN 0;
    END IF;
    FOR gen IN SELECT DISTINCT generation FROM evaluation_pending ORDER BY generation LOOP
        PERFORM pg_advisory_xact_lock(1718, gen);
        WITH done AS (DELETE FROM evaluation_pending p WHERE p.generation = gen RETURNING p.participant_id)
        SELECT array_agg(DISTINCT participant_id ORDER BY participant_id) INTO ids FROM done;
        IF ids IS NOT NULL AND EXISTS (SELECT 1 FROM projection_state s
                                        WHERE s.id = 1 AND gen IN (s.live_generation, s.building_generation)) THEN
            PERFORM evaluation_refresh(gen, ids);
            counted := counted + cardinality(ids);
        END IF;
    END LOOP;
    RETURN counted;
END
$$;

-- A whole generation, both families, under both locks (the order every caller takes them in: 1717, then 1718).
CREATE OR REPLACE FUNCTION reporting_fill(gen integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(1717, gen);
    PERFORM pg_advisory_xact_lock(1718, gen);
    DELETE FROM participant_contributions WHERE generation = gen;
    DELETE FROM evaluation_contributions WHERE generation = gen;
    DELETE FROM evaluation_pending WHERE generation = gen;
    DELETE FROM scope_day_counts WHERE generation = gen;
    DELETE FROM scope_month_counts WHERE generation = gen;
    SELECT array_agg(participant_id ORDER BY participant_id) INTO ids FROM participant_facts WHERE generation = gen;
    INSERT INTO participant_contributions (generation, participant_id, location, phase, kind, on_day, value, n)
    SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM reporting_contributions(gen, ids) c;
    INSERT INTO evaluation_contributions (generation, participant_id, location, phase, kind, on_day, value, n)
    SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM evaluation_contributions_of(gen, ids) c;
    INSERT INTO scope_day_counts (generation, kind, location, phase, on_day, value, n)
    SELECT gen, kind, location, phase, on_day, value, sum(n) FROM (
        SELECT kind, location, phase, on_day, value, n FROM participant_contributions WHERE generation = gen
        UNION ALL
        SELECT kind, location, phase, on_day, value, n FROM evaluation_contributions WHERE generation = gen) c
     GROUP BY kind, location, phase, on_day, value HAVING sum(n) <> 0;
    INSERT INTO scope_month_counts (generation, kind, location, phase, on_month, value, n)
    SELECT gen, kind, location, phase, CAST(date_trunc('month', on_day) AS date), value, sum(n) FROM scope_day_counts
     WHERE generation = gen
     GROUP BY kind, location, phase, CAST(date_trunc('month', on_day) AS date), value HAVING sum(n) <> 0;
END
$$;

DROP FUNCTION reporting_all_contributions(integer, uuid[]);
