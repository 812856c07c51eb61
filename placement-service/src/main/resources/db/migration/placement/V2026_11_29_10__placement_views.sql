-- placement-service's own tables, beside the kernel's event store.

-- The placement list: one row per placement, updated from the events in the same transaction as each
-- append (architecture.md, inline views). It answers the lists and finds the placements a consumed event
-- or the milestone check acts on.
CREATE TABLE placements (
    placement_id      uuid    PRIMARY KEY,
    participant_id    uuid    NOT NULL,
    employer_id       uuid    NOT NULL,
    vacancy_id        uuid    NOT NULL,
    permit_id         uuid,
    sector            text    NOT NULL,
    location          text    NOT NULL,
    started_on        date    NOT NULL,
    hours_per_week    integer NOT NULL,
    hourly_wage_cents bigint  NOT NULL,
    contract_type     text    NOT NULL,
    status            text    NOT NULL,
    at_risk_since     date,
    risk_reasons      text,
    sustained_due_on  date    NOT NULL,
    sustained_on      date,
    ended_on          date,
    end_reason        text,
    version           bigint  NOT NULL
);

CREATE INDEX placements_participant ON placements (participant_id, status);
CREATE INDEX placements_employer ON placements (employer_id, started_on);
CREATE INDEX placements_permit ON placements (permit_id) WHERE permit_id IS NOT NULL;
CREATE INDEX placements_at_risk ON placements (at_risk_since) WHERE at_risk_since IS NOT NULL;
CREATE INDEX placements_sustained_due ON placements (sustained_due_on) WHERE sustained_on IS NULL;

-- What this service knows of other services, kept by its consumers (messaging/) so that it decides on
-- its own, without synchronous calls. Pseudonymous: ids, places and dates only.

-- From werkdesk.participants.v1.
CREATE TABLE known_participants (
    participant_id      uuid PRIMARY KEY,
    registered_on       date NOT NULL,
    intake_completed_on date,
    eligible_from       date,
    eligible_until      date,
    ineligible_reason   text,
    status_holder_since date,
    reception_ends_on   date,
    left_on             date
);

-- From werkdesk.employers.v1.
CREATE TABLE known_vacancies (
    vacancy_id  uuid PRIMARY KEY,
    employer_id uuid NOT NULL,
    location    text NOT NULL,
    opened_on   date NOT NULL,
    filled_on   date,
    filled_by   uuid,
    closed_on   date
);

-- From werkdesk.permits.v1: each TWV of a participant, for one employer and one vacancy.
CREATE TABLE known_permits (
    permit_id      uuid PRIMARY KEY,
    participant_id uuid NOT NULL,
    employer_id    uuid NOT NULL,
    vacancy_id     uuid NOT NULL,
    granted_on     date,
    valid_from     date,
    valid_until    date,
    ended_on       date,
    ended_by       text
);

CREATE INDEX known_permits_participant ON known_permits (participant_id);
