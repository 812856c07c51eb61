package nl.werkdesk.employer.domain;

import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_EMPLOYER_REGISTRATION;
import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_FIRST_MINIMUM_WAGE;
import static nl.werkdesk.employer.domain.VacancyRejection.DATE_BEFORE_VACANCY_OPENED;
import static nl.werkdesk.employer.domain.VacancyRejection.UNKNOWN_EMPLOYER;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_ALREADY_CLOSED;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_ALREADY_FILLED;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_ALREADY_OPENED;
import static nl.werkdesk.employer.domain.VacancyRejection.VACANCY_NOT_OPENED;
import static nl.werkdesk.employer.domain.VacancyRejection.WAGE_BELOW_MINIMUM_WAGE;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;

/**
 * A vacancy of a registered employer: opened at or above the statutory minimum wage in force on the
 * opening date, then filled (by a participant of the pilot or otherwise) or closed. Pure: the employer and
 * the participant come in on the commands, the dated minimum wages when the decider is made.
 */
public final class Vacancy {

    public sealed interface Command {
        /** {@code employer} null: {@code employerId} names no registered employer. */
        record OpenVacancy(UUID vacancyId, UUID employerId, LocalDate openedOn, String title, Sector sector, int hoursPerWeek,
                           long hourlyWageCents, LanguageLevel requiredDutchLevel, String location,
                           RegisteredEmployer employer) implements Command {}

        /**
         * {@code participantId} null: filled outside the pilot. Otherwise {@code participant} is what this service
         * knows of that participant, null when nothing (yet).
         */
        record FillVacancy(LocalDate filledOn, UUID participantId, KnownParticipant participant) implements Command {}

        record CloseVacancy(LocalDate closedOn) implements Command {}
    }

    /**
     * What happens to a vacancy, as employer-service stores it (stored under the records' names). Published through
     * {@code EmployerPublication} onto werkdesk.employers.v1.
     */
    public sealed interface Event {
        UUID vacancyId();

        /** The business date of the event. */
        LocalDate occurredOn();

        /** A vacancy opened, at or above the statutory minimum wage in force on the day. */
        record VacancyOpened(UUID vacancyId, UUID employerId, LocalDate openedOn, String title, Sector sector, int hoursPerWeek,
                             long hourlyWageCents, LanguageLevel requiredDutchLevel, String location) implements Event {
            public LocalDate occurredOn() {
                return openedOn;
            }
        }

        /** The vacancy was filled, by a participant of the pilot or otherwise (participantId null). */
        record VacancyFilled(UUID vacancyId, UUID employerId, LocalDate filledOn, UUID participantId) implements Event {
            public LocalDate occurredOn() {
                return filledOn;
            }
        }

        /** The vacancy was closed without being filled. */
        record VacancyClosed(UUID vacancyId, UUID employerId, LocalDate closedOn) implements Event {
            public LocalDate occurredOn() {
                return closedOn;
            }
        }
    }

    /** What the vacancy offers, as opened. */
    public record Posting(UUID vacancyId, UUID employerId, LocalDate openedOn, String title, Sector sector, int hoursPerWeek,
                          long hourlyWageCents, LanguageLevel requiredDutchLevel, String location) {}

    public sealed interface State {
        record None() implements State {}

        record Open(Posting posting) implements State {}

        record Filled(Posting posting, LocalDate filledOn, UUID participantId) implements State {}

        record Closed(Posting posting, LocalDate closedOn) implements State {}
    }

    private Vacancy() {
    }

    public static Decider<Command, State, Event> decider(MinimumWages minimumWages) {
        return new Decider<>(new State.None(), (command, state) -> decide(command, state, minimumWages), Vacancy::evolve);
    }

    static List<Event> decide(Command command, State state, MinimumWages minimumWages) {
        if (command instanceof Command.OpenVacancy open) {
            return open(open, state, minimumWages);
        }
        Posting posting = postingOf(state);
        if (state instanceof State.Filled filled) {
            throw new Rejected(VACANCY_ALREADY_FILLED, "only an open vacancy can be filled or closed; this one was filled on " + filled.filledOn());
        }
        if (state instanceof State.Closed closed) {
            throw new Rejected(VACANCY_ALREADY_CLOSED, "only an open vacancy can be filled or closed; this one was closed on " + closed.closedOn());
        }
        if (command instanceof Command.FillVacancy fill) {
            notBeforeOpening("filledOn", fill.filledOn(), posting);
            if (fill.participantId() != null) {
                KnownParticipant.checkInPilot(fill.participantId(), fill.participant(), "filledOn", fill.filledOn(),
                        VacancyRejection.PARTICIPANT);
            }
            return List.of(new Event.VacancyFilled(posting.vacancyId(), posting.employerId(), fill.filledOn(), fill.participantId()));
        }
        if (command instanceof Command.CloseVacancy close) {
            notBeforeOpening("closedOn", close.closedOn(), posting);
            return List.of(new Event.VacancyClosed(posting.vacancyId(), posting.employerId(), close.closedOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private static List<Event> open(Command.OpenVacancy open, State state, MinimumWages minimumWages) {
        if (!(state instanceof State.None)) {
            throw new Rejected(VACANCY_ALREADY_OPENED, "the vacancy was opened on " + postingOf(state).openedOn());
        }
        if (open.employer() == null) {
            throw new Rejected(UNKNOWN_EMPLOYER, "employerId", "is not a registered employer");
        }
        if (open.openedOn().isBefore(open.employer().registeredOn())) {
            throw new Rejected(DATE_BEFORE_EMPLOYER_REGISTRATION, "openedOn",
                    "lies before the employer's registration on " + open.employer().registeredOn());
        }
        MinimumWages.MinimumWage minimum = minimumWages.inForceOn(open.openedOn()).orElseThrow(() -> new Rejected(
                DATE_BEFORE_FIRST_MINIMUM_WAGE, "openedOn",
                "lies before the first known statutory minimum wage, in force from " + minimumWages.all().get(0).validFrom()));
        if (open.hourlyWageCents() < minimum.hourlyCents()) {
            throw new Rejected(WAGE_BELOW_MINIMUM_WAGE, "hourlyWageCents", "is below the statutory minimum wage in force on "
                    + open.openedOn() + ": " + minimum.hourlyCents() + " cents (EUR " + minimum.inEuros() + ") gross per hour");
        }
        return List.of(new Event.VacancyOpened(open.vacancyId(), open.employerId(), open.openedOn(), open.title(), open.sector(),
                open.hoursPerWeek(), open.hourlyWageCents(), open.requiredDutchLevel(), open.location()));
    }

    static State evolve(State state, Event event) {
        if (event instanceof Event.VacancyOpened opened) {
            return new State.Open(new Posting(opened.vacancyId(), opened.employerId(), opened.openedOn(), opened.title(),
                    opened.sector(), opened.hoursPerWeek(), opened.hourlyWageCents(), opened.requiredDutchLevel(), opened.location()));
        }
        if (event instanceof Event.VacancyFilled filled && state instanceof State.Open open) {
            return new State.Filled(open.posting(), filled.filledOn(), filled.participantId());
        }
        if (event instanceof Event.VacancyClosed closed && state instanceof State.Open open) {
            return new State.Closed(open.posting(), closed.closedOn());
        }
        return state;
    }

    public static Posting postingOf(State state) {
        if (state instanceof State.Open open) {
            return open.posting();
        }
        if (state instanceof State.Filled filled) {
            return filled.posting();
        }
        if (state instanceof State.Closed closed) {
            return closed.posting();
        }
        throw new Rejected(VACANCY_NOT_OPENED, "the vacancy has not been opened");
    }

    private static void notBeforeOpening(String field, LocalDate date, Posting posting) {
        if (date.isBefore(posting.openedOn())) {
            throw new Rejected(DATE_BEFORE_VACANCY_OPENED, field, "lies before the vacancy opened on " + posting.openedOn());
        }
    }
}
