-- The kernel's tables, in every service's own database. Versions are dates so that kernel and service
-- migrations share one ordered history (Flyway scans db/migration including this folder).

-- One append-only table of events. transaction_id and global_position give the relay a gap-safe order:
-- a position is taken at insert but becomes visible only at commit (architecture.md, Publishing).
CREATE TABLE events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       uuid        NOT NULL,
    stream_type     text        NOT NULL,
    version         bigint      NOT NULL CHECK (version > 0),
    event_id        uuid        NOT NULL,
    type            text        NOT NULL,
    schema_version  integer     NOT NULL CHECK (schema_version > 0),
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version),
    CONSTRAINT events_event_id_unique UNIQUE (event_id)
);

CREATE INDEX events_relay_order ON events (transaction_id, global_position);

-- Events are immutable: history is corrected by new events, never by rewriting old ones.
CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_immutable();

-- Wakes the relay when an append commits (nothing is sent on rollback); the relay also polls.
CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('werkdesk_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER events_notify_relay
    AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();

-- How far the outbox relay has published, moved only after Kafka acknowledged.
CREATE TABLE relay_checkpoint (
    relay           text        PRIMARY KEY,
    transaction_id  xid8        NOT NULL,
    global_position bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A command's Idempotency-Key, written in the command's own transaction. The response is not stored
-- (it may hold personal data): a replay renders the stream at the recorded version again.
CREATE TABLE idempotency_records (
    idempotency_key     text        PRIMARY KEY,
    request_fingerprint text        NOT NULL,
    stream_id           uuid        NOT NULL,
    version             bigint      NOT NULL,
    status              integer     NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idempotency_records_created_at ON idempotency_records (created_at);

-- The events a consumer has applied, recorded in the same transaction as the effect.
CREATE TABLE processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
