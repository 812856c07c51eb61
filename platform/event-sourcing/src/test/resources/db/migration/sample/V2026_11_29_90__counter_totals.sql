CREATE TABLE counter_totals (
    counter_id uuid PRIMARY KEY,
    source     text,
    total      integer NOT NULL DEFAULT 0
);
