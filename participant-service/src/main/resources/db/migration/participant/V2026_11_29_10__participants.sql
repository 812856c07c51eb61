-- participant-service's own tables, beside the kernel's event store.

-- The participant list: one row per participant, updated from the events in the same transaction as
-- each append (architecture.md, inline views). Pseudonymous; names are joined from the table below.
CREATE TABLE participants (
    participant_id          uuid    PRIMARY KEY,
    registered_on           date    NOT NULL,
    location                text    NOT NULL,
    status                  text    NOT NULL,
    residence_status        text    NOT NULL,
    intake_completed_on     date,
    activity_count          integer NOT NULL DEFAULT 0,
    eligible_from           date,
    eligible_until          date,
    status_holder_since     date,
    reception_ends_on       date,
    left_on                 date,
    personal_data_erased_on date,
    version                 bigint  NOT NULL
);

CREATE INDEX participants_location ON participants (location, registered_on);
CREATE INDEX participants_status ON participants (status, registered_on);

-- Personal data lives here and only here: never in an event, on Kafka or in a log line. Erasure deletes
-- the row; the pseudonymous journey stays.
CREATE TABLE participant_personal_data (
    participant_id uuid PRIMARY KEY REFERENCES participants (participant_id) ON DELETE CASCADE,
    full_name      text NOT NULL,
    date_of_birth  date NOT NULL,
    nationality    text NOT NULL,
    v_number       text NOT NULL,
    phone          text,
    CONSTRAINT participant_personal_data_v_number_unique UNIQUE (v_number)
);
