-- Where a rebuild's time goes (issue 17), in milliseconds of wall time: the replay's Kafka polls, its decoding of the
-- records and its fact writes (each poll's transaction, as the rebuild waits for it), then the switch's deletes of the
-- older generations and its count of the new one. The replay's parts grow with every poll; the switch's are set by it.
ALTER TABLE projection_rebuilds
    ADD COLUMN poll_millis     bigint NOT NULL DEFAULT 0,
    ADD COLUMN decode_millis   bigint NOT NULL DEFAULT 0,
    ADD COLUMN write_millis    bigint NOT NULL DEFAULT 0,
    ADD COLUMN delete_millis   bigint,
    ADD COLUMN fill_millis     bigint;
