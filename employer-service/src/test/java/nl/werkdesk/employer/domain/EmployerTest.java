package nl.werkdesk.employer.domain;

import static nl.werkdesk.employer.domain.EmployerRejection.DATE_BEFORE_EMPLOYER_REGISTRATION;
import static nl.werkdesk.employer.domain.EmployerRejection.DATE_BEFORE_PREVIOUS_CONTACT_PERSON_CHANGE;
import static nl.werkdesk.employer.domain.EmployerRejection.DATE_BEFORE_PREVIOUS_INTERMEDIARY_CHANGE;
import static nl.werkdesk.employer.domain.EmployerRejection.EMPLOYER_ALREADY_REGISTERED;
import static nl.werkdesk.employer.domain.EmployerRejection.EMPLOYER_NOT_REGISTERED;
import static nl.werkdesk.employer.domain.EmployerRejection.KVK_NUMBER_INVALID;
import static nl.werkdesk.employer.domain.EmployerRejection.TWV_INTERMEDIARY_ENDS_BEFORE_START;
import static nl.werkdesk.employer.domain.EmployerRejection.TWV_INTERMEDIARY_UNCHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import java.util.List;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.employer.domain.Employer.Command.ChangeContactPerson;
import nl.werkdesk.employer.domain.Employer.Command.ChangeTwvIntermediary;
import nl.werkdesk.employer.domain.Employer.Command.RegisterEmployer;
import nl.werkdesk.employer.domain.Employer.Event.ContactPersonChanged;
import nl.werkdesk.employer.domain.Employer.Event.EmployerRegistered;
import nl.werkdesk.employer.domain.Employer.Event.TwvIntermediaryChanged;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmployerTest {

    static final UUID ID = UUID.fromString("0b9f3c2e-1d4a-4e5f-8a6b-7c8d9e0f1a2b");
    static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);
    static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);
    static final TwvIntermediary FIRST_MONTHS = new TwvIntermediary(FEB_3, LocalDate.of(2025, 7, 31));

    static final RegisterEmployer REGISTER = new RegisterEmployer(ID, FEB_3, "Bakkerij De Molen", "12345678", Sector.PRODUCTION,
            false, FIRST_MONTHS);
    static final EmployerRegistered REGISTERED = new EmployerRegistered(ID, FEB_3, "Bakkerij De Molen", "12345678", Sector.PRODUCTION,
            false, FIRST_MONTHS);

    static DeciderScenario<Employer.Command, Employer.State, Employer.Event> employer() {
        return DeciderScenario.with(Employer.DECIDER);
    }

    @Nested
    class Registering {

        @Test
        void registersAnEmployerWithItsTwvIntermediary() {
            employer().given().when(REGISTER).then(REGISTERED);
        }

        @Test
        void registersATempAgencyThatAppliesForTwvsItself() {
            employer().given()
                    .when(new RegisterEmployer(ID, FEB_3, "Flex Uitzend", "87654321", Sector.LOGISTICS, true, null))
                    .then(new EmployerRegistered(ID, FEB_3, "Flex Uitzend", "87654321", Sector.LOGISTICS, true, null));
        }

        @Test
        void registersAnOpenEndedIntermediaryArrangement() {
            TwvIntermediary openEnded = new TwvIntermediary(FEB_3, null);
            employer().given()
                    .when(new RegisterEmployer(ID, FEB_3, "Schoon BV", "11223344", Sector.CLEANING, false, openEnded))
                    .then(new EmployerRegistered(ID, FEB_3, "Schoon BV", "11223344", Sector.CLEANING, false, openEnded));
        }

        @Test
        void rejectsAKvkNumberThatIsNotEightDigits() {
            for (String kvk : new String[] {"1234567", "123456789", "1234567a", ""}) {
                employer().given()
                        .when(new RegisterEmployer(ID, FEB_3, "Bakkerij", kvk, Sector.PRODUCTION, false, null))
                        .rejectedOn("kvkNumber", KVK_NUMBER_INVALID);
            }
        }

        @Test
        void rejectsAnIntermediaryThatEndsBeforeItStarts() {
            employer().given()
                    .when(new RegisterEmployer(ID, FEB_3, "Bakkerij", "12345678", Sector.PRODUCTION, false,
                            new TwvIntermediary(MARCH_1, FEB_3)))
                    .rejectedOn("twvIntermediary.until", TWV_INTERMEDIARY_ENDS_BEFORE_START);
        }

        @Test
        void rejectsRegisteringTheSameEmployerTwice() {
            employer().given(REGISTERED).when(REGISTER).rejectedWith(EMPLOYER_ALREADY_REGISTERED);
        }
    }

    @Nested
    class ChangingTheTwvIntermediary {

        @Test
        void endsTheArrangementSoTheEmployerAppliesItself() {
            Employer.State after = employer().given(REGISTERED)
                    .when(new ChangeTwvIntermediary(MARCH_1, null))
                    .then(new TwvIntermediaryChanged(ID, MARCH_1, null));
            assertEquals(MARCH_1, Employer.registered(after).lastChangedOn());
        }

        @Test
        void startsAnArrangementForAnEmployerThatAppliedItself() {
            TwvIntermediary fromApril = new TwvIntermediary(APRIL_1, null);
            employer().given(new EmployerRegistered(ID, FEB_3, "Flex", "87654321", Sector.LOGISTICS, true, null))
                    .when(new ChangeTwvIntermediary(MARCH_1, fromApril))
                    .then(new TwvIntermediaryChanged(ID, MARCH_1, fromApril));
        }

        @Test
        void rejectsAChangeDatedBeforeTheRegistration() {
            employer().given(REGISTERED).when(new ChangeTwvIntermediary(FEB_3.minusDays(1), null))
                    .rejectedOn("changedOn", DATE_BEFORE_EMPLOYER_REGISTRATION);
        }

        @Test
        void rejectsAChangeDatedBeforeThePreviousChange() {
            employer().given(REGISTERED, new TwvIntermediaryChanged(ID, APRIL_1, null))
                    .when(new ChangeTwvIntermediary(MARCH_1, FIRST_MONTHS))
                    .rejectedOn("changedOn", DATE_BEFORE_PREVIOUS_INTERMEDIARY_CHANGE);
        }

        @Test
        void rejectsAChangeThatChangesNothing() {
            employer().given(REGISTERED).when(new ChangeTwvIntermediary(MARCH_1, FIRST_MONTHS))
                    .rejectedWith(TWV_INTERMEDIARY_UNCHANGED);
        }

        @Test
        void rejectsANewArrangementThatEndsBeforeItStarts() {
            employer().given(REGISTERED).when(new ChangeTwvIntermediary(MARCH_1, new TwvIntermediary(APRIL_1, MARCH_1)))
                    .rejectedOn("twvIntermediary.until", TWV_INTERMEDIARY_ENDS_BEFORE_START);
        }

        @Test
        void rejectsAChangeForAnUnregisteredEmployer() {
            employer().given().when(new ChangeTwvIntermediary(MARCH_1, null)).rejectedWith(EMPLOYER_NOT_REGISTERED);
        }
    }

    @Nested
    class ChangingTheContactPerson {

        @Test
        void recordsWhenTheContactPersonChangedAndNothingElse() {
            Employer.State after = employer().given(REGISTERED, new TwvIntermediaryChanged(ID, MARCH_1, null))
                    .when(new ChangeContactPerson(APRIL_1))
                    .then(new ContactPersonChanged(ID, APRIL_1));
            assertEquals(APRIL_1, Employer.registered(after).contactPersonSince());
            assertEquals(MARCH_1, Employer.registered(after).lastChangedOn(), "the intermediary arrangement is as it was");
        }

        @Test
        void rejectsAChangeDatedBeforeTheRegistration() {
            employer().given(REGISTERED).when(new ChangeContactPerson(FEB_3.minusDays(1)))
                    .rejectedOn("changedOn", DATE_BEFORE_EMPLOYER_REGISTRATION);
        }

        @Test
        void rejectsAChangeDatedBeforeThePreviousChangeOfTheContactPersonButNotOfTheIntermediary() {
            employer().given(REGISTERED, new ContactPersonChanged(ID, APRIL_1)).when(new ChangeContactPerson(MARCH_1))
                    .rejectedOn("changedOn", DATE_BEFORE_PREVIOUS_CONTACT_PERSON_CHANGE);
            employer().given(REGISTERED, new TwvIntermediaryChanged(ID, APRIL_1, null)).when(new ChangeContactPerson(MARCH_1))
                    .then(new ContactPersonChanged(ID, MARCH_1));
        }

        @Test
        void rejectsAChangeForAnUnregisteredEmployer() {
            employer().given().when(new ChangeContactPerson(MARCH_1)).rejectedWith(EMPLOYER_NOT_REGISTERED);
        }
    }

    @Nested
    class EveryType {

        @Test
        void decidesEveryCommandAndEvolvesOnEveryEvent() {
            List<Employer.Command> commands = List.of(REGISTER, new ChangeTwvIntermediary(MARCH_1, null), new ChangeContactPerson(MARCH_1));
            SealedTypes.assertEveryTypeHasAnExample(Employer.Command.class, commands);
            Employer.State registered = employer().given(REGISTERED).state();
            for (Employer.Command command : commands) {
                Employer.State state = command instanceof RegisterEmployer ? new Employer.State.Unregistered() : registered;
                assertEquals(1, Employer.DECIDER.decide(command, state).size(), command.getClass().getSimpleName());
            }
            List<Employer.Event> events = List.of(REGISTERED, new TwvIntermediaryChanged(ID, MARCH_1, null), new ContactPersonChanged(ID, MARCH_1));
            SealedTypes.assertEveryTypeHasAnExample(Employer.Event.class, events);
            for (Employer.Event event : events) {
                Employer.State before = event == REGISTERED ? new Employer.State.Unregistered() : registered;
                assertNotEquals(before, Employer.evolve(before, event), event.getClass().getSimpleName());
            }
        }
    }
}
