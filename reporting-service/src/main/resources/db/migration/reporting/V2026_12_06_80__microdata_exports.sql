-- The account of every export of the researcher's records (MicrodataExported), kept by the export's inline projection in
-- the transaction that records the event, for the operator's list. Generalisations comma-separated, in their order.
CREATE TABLE microdata_exports (
    export_id        uuid        PRIMARY KEY,
    event_id         uuid        NOT NULL,
    exported_by      text        NOT NULL,
    exported_on      date        NOT NULL,
    exported_at      timestamptz NOT NULL,
    as_of            date        NOT NULL,
    location         text,
    phase            integer,
    format           text        NOT NULL,
    records          integer     NOT NULL,
    k                integer     NOT NULL,
    k_reached        integer,
    generalisations  text        NOT NULL,
    records_suppressed integer   NOT NULL,
    sha256           text        NOT NULL
);
CREATE INDEX microdata_exports_exported_at ON microdata_exports (exported_at);
