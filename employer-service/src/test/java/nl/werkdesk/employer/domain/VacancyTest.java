package nl.werkdesk.employer.domain;

import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_EMPLOYER_REGISTRATION;
import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_FIRST_MINIMUM_WAGE;
import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_PARTICIPANT_REGISTRATION;
import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_VACANCY_OPENED;
import static nl.werkdesk.employer.domain.VacancyRejection.PARTICIPANT_LEFT_PILOT;
import static nl.werkdesk.employer.domain.VacancyRejection.PARTICIPANT_NOT_KNOWN_YET;
import static nl.werkdesk.employer.domain.VacancyRejection.UNKNOWN_EMPLOYER;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_ALREADY_CLOSED;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_ALREADY_FILLED;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_ALREADY_OPENED;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_NOT_OPENED;
import static nl.werkdesk.employer.domain.VacancyRejection.WAGE_BELOW_MINIMUM_WAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.employer.domain.Vacancy.Command.CloseVacancy;
import nl.werkdesk.employer.domain.Vacancy.Command.FillVacancy;
import nl.werkdesk.employer.domain.Vacancy.Command.OpenVacancy;
import nl.werkdesk.employer.domain.Vacancy.Event.VacancyClosed;
import nl.werkdesk.employer.domain.Vacancy.Event.VacancyFilled;
import nl.werkdesk.employer.domain.Vacancy.Event.VacancyOpened;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.eventsourcing.core.SealedTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VacancyTest {

    static final UUID VACANCY = UUID.fromString("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID EMPLOYER = UUID.fromString("0b9f3c2e-1d4a-4e5f-8a6b-7c8d9e0f1a2b");
    static final UUID PARTICIPANT = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);
    static final LocalDate MARCH_3 = LocalDate.of(2025, 3, 3);
    static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);
    static final RegisteredEmployer REGISTERED_EMPLOYER = new RegisteredEmployer(EMPLOYER, FEB_3);
    static final KnownParticipant IN_PILOT = new KnownParticipant(PARTICIPANT, LocalDate.of(2025, 1, 15), null);

    /** The table of application.properties, in short. */
    static final MinimumWages MINIMUM_WAGES = new MinimumWages(List.of(
            new MinimumWages.MinimumWage(LocalDate.of(2024, 1, 1), 1327),
            new MinimumWages.MinimumWage(LocalDate.of(2024, 7, 1), 1368),
            new MinimumWages.MinimumWage(LocalDate.of(2025, 1, 1), 1406),
            new MinimumWages.MinimumWage(LocalDate.of(2025, 7, 1), 1440)));

    static OpenVacancy open(LocalDate openedOn, long wageCents) {
        return new OpenVacancy(VACANCY, EMPLOYER, openedOn, "Productiemedewerker", Sector.PRODUCTION, 32, wageCents,
                LanguageLevel.A2, "Amsterdam", REGISTERED_EMPLOYER);
    }

    static VacancyOpened opened(LocalDate openedOn, long wageCents) {
        return new VacancyOpened(VACANCY, EMPLOYER, openedOn, "Productiemedewerker", Sector.PRODUCTION, 32, wageCents,
                LanguageLevel.A2, "Amsterdam");
    }

    static final VacancyOpened OPENED = opened(MARCH_3, 1500);

    static DeciderScenario<Vacancy.Command, Vacancy.State, Vacancy.Event> vacancy() {
        return DeciderScenario.with(Vacancy.decider(MINIMUM_WAGES));
    }

    @Nested
    class Opening {

        @Test
        void opensAVacancyAboveTheMinimumWage() {
            vacancy().given().when(open(MARCH_3, 1500)).then(OPENED);
        }

        @Test
        void opensAVacancyAtExactlyTheMinimumWageInForceOnTheOpeningDate() {
            vacancy().given().when(open(MARCH_3, 1406)).then(opened(MARCH_3, 1406));
        }

        @Test
        void rejectsAWageOneCentBelowTheMinimumWage() {
            // With opensAVacancyAtExactlyTheMinimumWage...: the boundary is exactly 1406 cents on 3 March.
            vacancy().given().when(open(MARCH_3, 1405)).rejectedOn("hourlyWageCents", WAGE_BELOW_MINIMUM_WAGE);
        }

        @Test
        void judgesTheWageByTheRateOfTheOpeningDateNotALaterOne() {
            vacancy().given().when(open(LocalDate.of(2025, 6, 30), 1420)).then(opened(LocalDate.of(2025, 6, 30), 1420));
            vacancy().given().when(open(LocalDate.of(2025, 7, 1), 1439)).rejectedOn("hourlyWageCents", WAGE_BELOW_MINIMUM_WAGE);
            vacancy().given().when(open(LocalDate.of(2025, 7, 1), 1440)).then(opened(LocalDate.of(2025, 7, 1), 1440));
        }

        @Test
        void rejectsAnOpeningDateBeforeTheFirstKnownMinimumWage() {
            RegisteredEmployer longRegistered = new RegisteredEmployer(EMPLOYER, LocalDate.of(2020, 1, 1));
            vacancy().given().when(new OpenVacancy(VACANCY, EMPLOYER, LocalDate.of(2023, 12, 31), "Schoonmaker", Sector.CLEANING, 20, 2000,
                            LanguageLevel.NONE, "Amsterdam", longRegistered))
                    .rejectedOn("openedOn", DATE_BEFORE_FIRST_MINIMUM_WAGE);
        }

        @Test
        void rejectsAVacancyOfAnEmployerThatIsNotRegistered() {
            vacancy().given().when(new OpenVacancy(VACANCY, EMPLOYER, MARCH_3, "Kok", Sector.HORECA, 38, 1600, LanguageLevel.A1,
                    "Amsterdam", null)).rejectedOn("employerId", UNKNOWN_EMPLOYER);
        }

        @Test
        void rejectsAnOpeningBeforeTheEmployersRegistration() {
            vacancy().given().when(open(FEB_3.minusDays(1), 1500))
                    .rejectedOn("openedOn", DATE_BEFORE_EMPLOYER_REGISTRATION);
        }

        @Test
        void rejectsOpeningAVacancyTwice() {
            vacancy().given(OPENED).when(open(MARCH_3, 1500)).rejectedWith(VACANCY_ALREADY_OPENED);
        }
    }

    @Nested
    class Filling {

        @Test
        void fillsAnOpenVacancyWithAParticipantOfThePilot() {
            vacancy().given(OPENED).when(new FillVacancy(APRIL_1, PARTICIPANT, IN_PILOT))
                    .then(new VacancyFilled(VACANCY, EMPLOYER, APRIL_1, PARTICIPANT));
        }

        @Test
        void fillsAnOpenVacancyOutsideThePilot() {
            vacancy().given(OPENED).when(new FillVacancy(APRIL_1, null, null))
                    .then(new VacancyFilled(VACANCY, EMPLOYER, APRIL_1, null));
        }

        @Test
        void rejectsFillingBeforeTheVacancyOpened() {
            vacancy().given(OPENED).when(new FillVacancy(MARCH_3.minusDays(1), null, null))
                    .rejectedOn("filledOn", DATE_BEFORE_VACANCY_OPENED);
        }

        @Test
        void rejectsFillingAVacancyThatWasNeverOpened() {
            vacancy().given().when(new FillVacancy(APRIL_1, null, null)).rejectedWith(VACANCY_NOT_OPENED);
        }

        @Test
        void rejectsFillingAFilledVacancy() {
            vacancy().given(OPENED, new VacancyFilled(VACANCY, EMPLOYER, APRIL_1, null))
                    .when(new FillVacancy(APRIL_1, PARTICIPANT, IN_PILOT))
                    .rejectedWith(VACANCY_ALREADY_FILLED);
        }

        @Test
        void rejectsFillingAClosedVacancy() {
            vacancy().given(OPENED, new VacancyClosed(VACANCY, EMPLOYER, APRIL_1))
                    .when(new FillVacancy(APRIL_1, null, null))
                    .rejectedWith(VACANCY_ALREADY_CLOSED);
        }

        @Test
        void refusesAParticipantNotKnownYetAsNotYetKnownNotAsARealRefusal() {
            vacancy().given(OPENED).when(new FillVacancy(APRIL_1, PARTICIPANT, null)).rejectedWith(PARTICIPANT_NOT_KNOWN_YET);
        }

        @Test
        void rejectsAParticipantWhoJoinedThePilotAfterTheFilling() {
            KnownParticipant late = new KnownParticipant(PARTICIPANT, LocalDate.of(2025, 5, 1), null);
            vacancy().given(OPENED).when(new FillVacancy(APRIL_1, PARTICIPANT, late))
                    .rejectedOn("filledOn", DATE_BEFORE_PARTICIPANT_REGISTRATION);
        }

        @Test
        void rejectsAParticipantWhoLeftThePilotBeforeTheFilling() {
            KnownParticipant gone = new KnownParticipant(PARTICIPANT, LocalDate.of(2025, 1, 15), MARCH_3);
            vacancy().given(OPENED).when(new FillVacancy(APRIL_1, PARTICIPANT, gone))
                    .rejectedOn("participantId", PARTICIPANT_LEFT_PILOT);
        }
    }

    @Nested
    class Closing {

        @Test
        void closesAnOpenVacancy() {
            vacancy().given(OPENED).when(new CloseVacancy(APRIL_1)).then(new VacancyClosed(VACANCY, EMPLOYER, APRIL_1));
        }

        @Test
        void rejectsClosingBeforeTheVacancyOpened() {
            vacancy().given(OPENED).when(new CloseVacancy(FEB_3)).rejectedOn("closedOn", DATE_BEFORE_VACANCY_OPENED);
        }

        @Test
        void rejectsClosingAFilledVacancy() {
            vacancy().given(OPENED, new VacancyFilled(VACANCY, EMPLOYER, APRIL_1, PARTICIPANT))
                    .when(new CloseVacancy(APRIL_1)).rejectedWith(VACANCY_ALREADY_FILLED);
        }

        @Test
        void rejectsClosingAClosedVacancy() {
            vacancy().given(OPENED, new VacancyClosed(VACANCY, EMPLOYER, APRIL_1))
                    .when(new CloseVacancy(APRIL_1)).rejectedWith(VACANCY_ALREADY_CLOSED);
        }

        @Test
        void rejectsClosingAVacancyThatWasNeverOpened() {
            vacancy().given().when(new CloseVacancy(APRIL_1)).rejectedWith(VACANCY_NOT_OPENED);
        }
    }

    @Nested
    class EveryType {

        @Test
        void decidesEveryCommandAndEvolvesOnEveryEvent() {
            List<Vacancy.Command> commands = List.of(open(MARCH_3, 1500), new FillVacancy(APRIL_1, PARTICIPANT, IN_PILOT),
                    new CloseVacancy(APRIL_1));
            SealedTypes.assertEveryTypeHasAnExample(Vacancy.Command.class, commands);
            Vacancy.State open = vacancy().given(OPENED).state();
            for (Vacancy.Command command : commands) {
                Vacancy.State state = command instanceof OpenVacancy ? new Vacancy.State.None() : open;
                assertEquals(1, Vacancy.decider(MINIMUM_WAGES).decide(command, state).size(), command.getClass().getSimpleName());
            }
            List<Vacancy.Event> events = List.of(OPENED, new VacancyFilled(VACANCY, EMPLOYER, APRIL_1, PARTICIPANT),
                    new VacancyClosed(VACANCY, EMPLOYER, APRIL_1));
            SealedTypes.assertEveryTypeHasAnExample(Vacancy.Event.class, events);
            for (Vacancy.Event event : events) {
                Vacancy.State before = event == OPENED ? new Vacancy.State.None() : open;
                assertNotEquals(before, Vacancy.evolve(before, event), event.getClass().getSimpleName());
            }
        }
    }
}
