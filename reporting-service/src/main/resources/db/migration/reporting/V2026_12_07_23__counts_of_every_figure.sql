-- Every figure's contributions counted together (issue 17): the metrics' (reporting_contributions, V2026_12_07_10) and the
-- evaluation's (survival_contributions, activity_earnings_contributions, twv_contributions: V2026_12_07_20 to _22).
-- reporting_refresh counts a transaction's participants with all of them. reporting_fill counts a whole generation
-- set-wise: the contributions, then the day counts grouped from them, then the months from the days; no array of rows and
-- no upsert per row (6.2 instead of 9.4 CPU-seconds for the metrics' kinds at 100,000 participants, docs/decisions.md).
CREATE FUNCTION reporting_all_contributions(gen integer, ids uuid[])
    RETURNS TABLE (participant_id uuid, location text, phase integer, kind text, on_day date, value integer, n bigint)
    LANGUAGE sql STABLE AS $$
SELECT * FROM reporting_contributions(gen, ids)
UNION ALL SELECT * FROM survival_contributions(gen, ids)
UNION ALL SELECT * FROM activity_earnings_contributions(gen, ids)
UNION ALL SELECT * FROM twv_contributions(gen, ids)
$$;

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
        SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM reporting_all_contributions(gen, ids) c
        RETURNING kind, location, phase, on_day, value, n)
    SELECT array_agg(CAST(ROW(kind, location, phase, on_day, value, n) AS scope_count)) INTO after FROM new;
    PERFORM reporting_add(gen, coalesce(before, '{}') || coalesce(after, '{}'));
END
$$;

CREATE OR REPLACE FUNCTION reporting_fill(gen integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(1717, gen);
    DELETE FROM participant_contributions WHERE generation = gen;
    DELETE FROM scope_day_counts WHERE generation = gen;
    DELETE FROM scope_month_counts WHERE generation = gen;
    SELECT array_agg(participant_id ORDER BY participant_id) INTO ids FROM participant_facts WHERE generation = gen;
    INSERT INTO participant_contributions (generation, participant_id, location, phase, kind, on_day, value, n)
    SELECT gen, c.participant_id, c.location, c.phase, c.kind, c.on_day, c.value, c.n FROM reporting_all_contributions(gen, ids) c;
    INSERT INTO scope_day_counts (generation, kind, location, phase, on_day, value, n)
    SELECT gen, kind, location, phase, on_day, value, sum(n) FROM participant_contributions WHERE generation = gen
     GROUP BY kind, location, phase, on_day, value HAVING sum(n) <> 0;
    INSERT INTO scope_month_counts (generation, kind, location, phase, on_month, value, n)
    SELECT gen, kind, location, phase, CAST(date_trunc('month', on_day) AS date), value, sum(n) FROM scope_day_counts
     WHERE generation = gen
     GROUP BY kind, location, phase, CAST(date_trunc('month', on_day) AS date), value HAVING sum(n) <> 0;
END
$$;

-- The terms of a placement count now (the wages of earnings, the wages not earned of the TWV burden): a change of them
-- marks its participant like any fact's.
CREATE TRIGGER placement_terms_facts_inserted AFTER INSERT ON placement_terms_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();
CREATE TRIGGER placement_terms_facts_updated AFTER UPDATE ON placement_terms_facts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_changed();

-- The facts written before these figures were counted: counted again, so that an upgraded database has every kind (a
-- rebuild's generation is filled whole at its switch).
SELECT reporting_fill(live_generation) FROM projection_state WHERE id = 1;
