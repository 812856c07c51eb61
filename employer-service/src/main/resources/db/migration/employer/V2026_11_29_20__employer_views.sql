-- employer-service's own tables, beside the kernel's event store. The views are updated from the events in
-- the same transaction as each append (architecture.md, inline views).

-- The employer list. No personal data: the contact person lives in the table below.
CREATE TABLE employers (
    employer_id                 uuid    PRIMARY KEY,
    registered_on               date    NOT NULL,
    trade_name                  text    NOT NULL,
    kvk_number                  text    NOT NULL,
    sector                      text    NOT NULL,
    temporary_employment_agency boolean NOT NULL,
    twv_intermediary_from       date,
    twv_intermediary_until      date,
    version                     bigint  NOT NULL
);

CREATE INDEX employers_sector ON employers (sector, trade_name);
CREATE INDEX employers_kvk_number ON employers (kvk_number);

-- One employer per KvK number. Claimed in the registration's transaction after its Idempotency-Key record,
-- so that a registration sent twice at once replays the first instead of clashing with itself.
CREATE TABLE employer_kvk_numbers (
    kvk_number  text NOT NULL,
    employer_id uuid NOT NULL REFERENCES employers (employer_id) ON DELETE CASCADE,
    CONSTRAINT employer_kvk_numbers_unique PRIMARY KEY (kvk_number)
);

-- The employer's contact person: personal data, kept here and only here (never in an event, on Kafka or
-- in a log line).
CREATE TABLE employer_contact_persons (
    employer_id uuid PRIMARY KEY REFERENCES employers (employer_id) ON DELETE CASCADE,
    name        text NOT NULL,
    phone       text,
    email       text
);

CREATE TABLE vacancies (
    vacancy_id           uuid    PRIMARY KEY,
    employer_id          uuid    NOT NULL REFERENCES employers (employer_id),
    opened_on            date    NOT NULL,
    title                text    NOT NULL,
    sector               text    NOT NULL,
    hours_per_week       integer NOT NULL,
    hourly_wage_cents    bigint  NOT NULL,
    required_dutch_level text    NOT NULL,
    location             text    NOT NULL,
    status               text    NOT NULL,
    filled_on            date,
    participant_id       uuid,
    closed_on            date,
    version              bigint  NOT NULL
);

CREATE INDEX vacancies_status ON vacancies (status, sector, opened_on);
CREATE INDEX vacancies_employer ON vacancies (employer_id);

CREATE TABLE job_fairs (
    job_fair_id   uuid    PRIMARY KEY,
    held_on       date    NOT NULL,
    location      text    NOT NULL,
    meeting_count integer NOT NULL DEFAULT 0,
    version       bigint  NOT NULL
);

-- Which employers took part in which fair: the fairs of an employer, for its history.
CREATE TABLE job_fair_employers (
    job_fair_id uuid NOT NULL REFERENCES job_fairs (job_fair_id) ON DELETE CASCADE,
    employer_id uuid NOT NULL REFERENCES employers (employer_id),
    PRIMARY KEY (job_fair_id, employer_id)
);

CREATE INDEX job_fair_employers_employer ON job_fair_employers (employer_id);

-- The participants of the pilot as werkdesk.participants.v1 tells them: the pseudonymous id and when they
-- joined and left, so that a vacancy is filled by, and a fair meeting recorded for, a real participant.
CREATE TABLE pilot_participants (
    participant_id uuid PRIMARY KEY,
    registered_on  date NOT NULL,
    left_on        date
);
