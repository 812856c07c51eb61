-- The views are disposable (rebuilt from the event store by replaying it through the projections), so nothing that
-- cannot be rebuilt may hang on them, and nothing a command needs may live outside them or the stream.

-- One employer per KvK number is checked by the employer list itself, which the projection keeps from EmployerRegistered
-- in the registration's transaction: a rebuild restores the check with the list. The separate claim table goes.
ALTER TABLE employers ADD CONSTRAINT employers_kvk_number_unique UNIQUE (kvk_number);
DROP INDEX employers_kvk_number;
DROP TABLE employer_kvk_numbers;

-- The contact person is personal data kept beside the stream, not part of a view: it must outlive emptying the views.
ALTER TABLE employer_contact_persons DROP CONSTRAINT employer_contact_persons_employer_id_fkey;
