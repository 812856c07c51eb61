-- The day a placement's 26-week milestone was withdrawn (PlacementSustainedWithdrawn): from then on it no longer counts
-- as sustained. placement-service publishes the withdrawal; reporting applies it and no longer derives it from an end
-- dated before sustained_on. Rows written before this migration lack it: a projection rebuild fills it from the topic.
ALTER TABLE placement_facts
    ADD COLUMN sustained_withdrawn_on date;
