-- permit-service's own tables, beside the kernel's event store.

-- The permit list: one row per permit, updated from the events in the same transaction as each append.
-- awaiting_* say which information a request still waits for from the other services: written with the
-- screening decision that used it, so that queries show it and the due-dates job can catch up on it.
CREATE TABLE permits (
    permit_id            uuid    PRIMARY KEY,
    participant_id       uuid    NOT NULL,
    employer_id          uuid    NOT NULL,
    vacancy_id           uuid    NOT NULL,
    status               text    NOT NULL,
    awaiting_participant boolean NOT NULL DEFAULT false,
    awaiting_employer    boolean NOT NULL DEFAULT false,
    requested_on         date    NOT NULL,
    start_date           date    NOT NULL,
    completed_on         date,
    decision_due_on      date,
    decided_on           date,
    valid_until          date,
    closed_on            date,
    version              bigint  NOT NULL
);

CREATE INDEX permits_participant ON permits (participant_id);
CREATE INDEX permits_employer ON permits (employer_id);
CREATE INDEX permits_status ON permits (status, requested_on);
CREATE INDEX permits_decided ON permits (decided_on) WHERE decided_on IS NOT NULL;

-- Participants as werkdesk.participants.v1 told of them: only what the TWV rules need. Pseudonymous.
CREATE TABLE known_participants (
    participant_id      uuid PRIMARY KEY,
    registered_on       date NOT NULL,
    eligible_from       date,
    eligible_until      date,
    status_holder_since date,
    reception_ends_on   date,
    -- The AsylumApplicationRejected event that set reception_ends_on: it causes the TwvEnded written later.
    rejection_event_id  uuid
);

CREATE INDEX known_participants_reception_ends ON known_participants (reception_ends_on) WHERE reception_ends_on IS NOT NULL;

-- Employers as werkdesk.employers.v1 told of them.
CREATE TABLE known_employers (
    employer_id   uuid PRIMARY KEY,
    registered_on date NOT NULL
);
