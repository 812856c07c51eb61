-- The records a consumer parked on its dead-letter topic, known by where they lie on their topic and when they were
-- written (a recreated topic reuses offsets, not times). A record delivered again after a rebalance or a crash is
-- parked once: the consumer looks here before parking and writes here after.
CREATE TABLE parked_records (
    consumer      text        NOT NULL,
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    record_offset bigint      NOT NULL,
    written_at    timestamptz NOT NULL,
    reason        text        NOT NULL,
    parked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition, record_offset, written_at)
);
