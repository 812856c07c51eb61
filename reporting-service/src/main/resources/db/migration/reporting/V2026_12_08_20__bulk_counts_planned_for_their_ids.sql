-- Counts of many participants at once are planned for them (issue 17; docs/decisions.md, "Many participants counted at
-- once"). PL/pgSQL caches each statement's plan, and after five runs keeps a generic one when that looks no dearer: made
-- for an id array of 10 ids and for the tables as they were then, it joins the contributions' CTEs by nested loops. Given a
-- burst (100,000 participants pending after a consumer caught up), that is N² work. Measured: 100,000 pending took 54-154 s
-- with generic plans against 36-38 s planned for them, and once, in reporting-service, more than 16 minutes, while every
-- evaluation read waited for it. Planning for the call's ids costs 10-30 ms a call: paid by the two bulk counts below, not
-- by a consumer's commit (reporting_refresh, at most a poll of ids, keeps its cached plans).
-- A later CREATE OR REPLACE of these functions keeps the setting only if it says it again.

-- The evaluation's pending participants: in the background every second, and before an evaluation read.
ALTER FUNCTION evaluation_refresh(integer, uuid[]) SET plan_cache_mode = force_custom_plan;

-- A whole generation (a rebuild's switch, a change of phases).
ALTER FUNCTION reporting_fill(integer) SET plan_cache_mode = force_custom_plan;
