-- The facts the evaluation figures need beyond the metrics' (see README, "Evaluation"). Like every fact, each is set
-- by one event or keeps the earliest date, so that the rows do not depend on the order or repetition of events.
-- Rows written before this migration lack these facts: a projection rebuild (POST /api/v1/projection-rebuilds) fills
-- them from the topics.

-- Per activity kind, the first time the participant completed one (a job fair: at the Werkdesk or meeting an employer
-- there); and leaving the pilot, which ends the time observed for a first placement.
ALTER TABLE participant_facts
    ADD COLUMN first_application_training_on date,
    ADD COLUMN first_cv_help_on              date,
    ADD COLUMN first_job_fair_on             date,
    ADD COLUMN left_on                       date,
    ADD COLUMN left_reason                   text;

-- Whether the intermediary handled the request, and how a request closed other than by UWV's decision.
ALTER TABLE permit_facts
    ADD COLUMN via_intermediary      boolean,
    ADD COLUMN withdrawn_on          date,
    ADD COLUMN declined_on           date,
    ADD COLUMN no_longer_required_on date,
    ADD COLUMN reception_ended_on    date;

-- The TWV a placement rests on (null for a status holder).
ALTER TABLE placement_facts
    ADD COLUMN permit_id uuid;

-- A placement's hours and wage: as started, and from each PlacementChanged's date. Keyed by the event's place in the
-- placement's stream (ce_sequence), so that two changes on one day are told apart: the later one is in force.
CREATE TABLE placement_terms_facts (
    generation        integer NOT NULL,
    placement_id      uuid    NOT NULL,
    sequence          bigint  NOT NULL,
    participant_id    uuid    NOT NULL,
    effective_on      date    NOT NULL,
    hours_per_week    integer NOT NULL,
    hourly_wage_cents bigint  NOT NULL,
    PRIMARY KEY (generation, placement_id, sequence)
);
