-- reporting-service's read models. Every row is a fact with its business date, so that "as of" a date is a
-- WHERE clause. Every row also carries the generation of the projections it belongs to: the metrics read the
-- live generation, while a rebuild fills the next one from the beginning of the topics and then switches.
-- Values of enumerations (sector, end reason, category) are stored as their JSON names (home-care).

-- Which generation the metrics read, and which one a rebuild is filling (null when none is).
CREATE TABLE projection_state (
    id                  smallint PRIMARY KEY CHECK (id = 1),
    live_generation     integer  NOT NULL,
    building_generation integer
);
INSERT INTO projection_state (id, live_generation, building_generation) VALUES (1, 1, NULL);

CREATE SEQUENCE projection_generation_seq START WITH 2;

-- Every rebuild an operator started, with its progress (offsets read of the offsets to read).
CREATE TABLE projection_rebuilds (
    generation       integer     PRIMARY KEY,
    status           text        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    requested_by     text        NOT NULL,
    started_at       timestamptz NOT NULL,
    heartbeat_at     timestamptz NOT NULL,
    finished_at      timestamptz,
    target_offsets   bigint      NOT NULL DEFAULT 0,
    consumed_offsets bigint      NOT NULL DEFAULT 0,
    events_applied   bigint      NOT NULL DEFAULT 0,
    events_skipped   bigint      NOT NULL DEFAULT 0,
    failure          text
);

-- A participant: enrolment (location and date, which fix the scope), intake and first activity. Rows can be
-- created by an event from another topic before the registration arrives; they count once it has.
CREATE TABLE participant_facts (
    generation          integer NOT NULL,
    participant_id      uuid    NOT NULL,
    location            text,
    registered_on       date,
    intake_completed_on date,
    first_activity_on   date,
    PRIMARY KEY (generation, participant_id)
);
CREATE INDEX participant_facts_scope ON participant_facts (generation, location, registered_on);

-- A TWV from request to UWV's decision.
CREATE TABLE permit_facts (
    generation     integer NOT NULL,
    permit_id      uuid    NOT NULL,
    participant_id uuid    NOT NULL,
    requested_on   date,
    granted_on     date,
    refused_on     date,
    PRIMARY KEY (generation, permit_id)
);
CREATE INDEX permit_facts_participant ON permit_facts (generation, participant_id);

-- A placement from start to end, and the day it lasted 26 weeks.
CREATE TABLE placement_facts (
    generation     integer NOT NULL,
    placement_id   uuid    NOT NULL,
    participant_id uuid    NOT NULL,
    sector         text,
    started_on     date,
    ended_on       date,
    end_reason     text,
    sustained_on   date,
    PRIMARY KEY (generation, placement_id)
);
CREATE INDEX placement_facts_participant ON placement_facts (generation, participant_id);

-- The programme ledger's events: budget per phase, bookings (location null: programme-wide) and corrections.
CREATE TABLE budget_allocation_facts (
    generation    integer NOT NULL,
    allocation_id uuid    NOT NULL,
    phase         integer NOT NULL,
    amount_cents  bigint  NOT NULL,
    allocated_on  date    NOT NULL,
    PRIMARY KEY (generation, allocation_id)
);

CREATE TABLE expenditure_booking_facts (
    generation   integer NOT NULL,
    booking_id   uuid    NOT NULL,
    category     text    NOT NULL,
    amount_cents bigint  NOT NULL,
    location     text,
    booked_on    date    NOT NULL,
    PRIMARY KEY (generation, booking_id)
);

CREATE TABLE expenditure_correction_facts (
    generation    integer NOT NULL,
    correction_id uuid    NOT NULL,
    booking_id    uuid    NOT NULL,
    amount_cents  bigint  NOT NULL,
    corrected_on  date    NOT NULL,
    PRIMARY KEY (generation, correction_id)
);
CREATE INDEX expenditure_correction_facts_booking ON expenditure_correction_facts (generation, booking_id);
