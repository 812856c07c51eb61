-- The facts the researcher's export and the pilot-end report need beyond the evaluation's (see README, "Microdata" and
-- "Report"). Like every fact, each is set by one event or keeps the earliest date, or is a row per event keyed by the
-- event's id, so that the rows do not depend on the order or repetition of events. Rows written before this migration lack
-- these facts: a projection rebuild (POST /api/v1/projection-rebuilds) fills them from the topics.

-- From the registration: the asylum procedure's track and the identity document (W or W2). From the (first) intake: the
-- Dutch and English levels and the sector preferences (their JSON names in the order of the Sector enumeration, joined by
-- '|'). And the day the IND granted asylum.
ALTER TABLE participant_facts
    ADD COLUMN asylum_track                text,
    ADD COLUMN w_document_type             text,
    ADD COLUMN dutch_level                 text,
    ADD COLUMN english_level               text,
    ADD COLUMN sector_preferences          text,
    ADD COLUMN residence_permit_granted_on date;

-- The placement's contract type, from its start.
ALTER TABLE placement_facts
    ADD COLUMN contract_type text;

-- Every activity, one row per event (ActivityCompleted, or CandidateMetEmployer as a job fair), to count them by kind.
CREATE TABLE activity_facts (
    generation     integer NOT NULL,
    event_id       uuid    NOT NULL,
    participant_id uuid    NOT NULL,
    kind           text    NOT NULL,
    completed_on   date    NOT NULL,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX activity_facts_participant ON activity_facts (generation, participant_id);

-- Every event that established a fact: its topic and business date. The report's provenance counts them.
CREATE TABLE event_facts (
    generation  integer NOT NULL,
    event_id    uuid    NOT NULL,
    topic       text    NOT NULL,
    occurred_on date    NOT NULL,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX event_facts_topic ON event_facts (generation, topic, occurred_on);
