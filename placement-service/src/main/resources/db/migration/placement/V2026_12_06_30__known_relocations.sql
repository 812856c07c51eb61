-- The latest relocation by COA of each participant (from RelocatedByCOA on werkdesk.participants.v1): a placement
-- started after it arrived is assessed against it at once. Rows from before this migration get it with the next
-- relocation; until then they have none, as before.
ALTER TABLE known_participants
    ADD COLUMN relocated_to text,
    ADD COLUMN relocated_on date;
