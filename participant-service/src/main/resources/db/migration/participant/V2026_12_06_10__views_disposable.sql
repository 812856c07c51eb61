-- The participant list is a view, rebuilt from the event store (ViewRebuild); the personal data is not: it is kept
-- beside the stream and never in an event, so nothing can rebuild it. It must not hang on the list, whose rows a
-- rebuild deletes: with this key, emptying the list erased every participant's personal data (ON DELETE CASCADE).
-- Registration writes both in one transaction, and erasure deletes the personal data itself.
ALTER TABLE participant_personal_data DROP CONSTRAINT participant_personal_data_participant_id_fkey;
