-- A figure reads only its own kinds of the day counts (MetricsQueries.counts(scope, kinds)): by kind, then date, so that
-- one figure's read does not scan the rows of every other figure the counts keep. n is in no index: a count's update
-- stays a heap-only update where the page has room.
CREATE INDEX scope_day_counts_by_kind ON scope_day_counts (generation, kind, on_day);
CREATE INDEX scope_month_counts_by_kind ON scope_month_counts (generation, kind, on_month);
