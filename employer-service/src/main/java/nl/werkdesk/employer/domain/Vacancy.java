package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.VacancyClosed;
import nl.werkdesk.contracts.employer.EmployerEvent.VacancyFilled;
import nl.werkdesk.contracts.employer.EmployerEvent.VacancyOpened;
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
         * knows of that participant, null when nothing.
         */
        record FillVacancy(LocalDate filledOn, UUID participantId, KnownParticipant participant) implements Command {}

        record CloseVacancy(LocalDate closedOn) implements Command {}
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

    public static Decider<Command, State, EmployerEvent> decider(MinimumWages minimumWages) {
        return new Decider<>(new State.None(), (command, state) -> decide(command, state, minimumWages), Vacancy::evolve);
    }

    static List<EmployerEvent> decide(Command command, State state, MinimumWages minimumWages) {
        if (command instanceof Command.OpenVacancy open) {
            return open(open, state, minimumWages);
        }
        Posting posting = postingOf(state);
        if (!(state instanceof State.Open)) {
            throw new Rejected("only an open vacancy can be filled or closed; this one was " + describe(state));
        }
        if (command instanceof Command.FillVacancy fill) {
            notBeforeOpening("filledOn", fill.filledOn(), posting);
            if (fill.participantId() != null) {
                KnownParticipant.checkInPilot(fill.participant(), "filledOn", fill.filledOn());
            }
            return List.of(new VacancyFilled(posting.vacancyId(), posting.employerId(), fill.filledOn(), fill.participantId()));
        }
        if (command instanceof Command.CloseVacancy close) {
            notBeforeOpening("closedOn", close.closedOn(), posting);
            return List.of(new VacancyClosed(posting.vacancyId(), posting.employerId(), close.closedOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private static List<EmployerEvent> open(Command.OpenVacancy open, State state, MinimumWages minimumWages) {
        if (!(state instanceof State.None)) {
            throw new Rejected("the vacancy is already open");
        }
        if (open.employer() == null) {
            throw new Rejected("employerId", "is not a registered employer");
        }
        if (open.openedOn().isBefore(open.employer().registeredOn())) {
            throw new Rejected("openedOn", "lies before the employer's registration on " + open.employer().registeredOn());
        }
        MinimumWages.MinimumWage minimum = minimumWages.inForceOn(open.openedOn()).orElseThrow(() -> new Rejected("openedOn",
                "lies before the first known statutory minimum wage, in force from " + minimumWages.all().get(0).validFrom()));
        if (open.hourlyWageCents() < minimum.hourlyCents()) {
            throw new Rejected("hourlyWageCents", "is below the statutory minimum wage in force on " + open.openedOn() + ": "
                    + minimum.hourlyCents() + " cents (EUR " + minimum.inEuros() + ") gross per hour");
        }
        return List.of(new VacancyOpened(open.vacancyId(), open.employerId(), open.openedOn(), open.title(), open.sector(),
                open.hoursPerWeek(), open.hourlyWageCents(), open.requiredDutchLevel(), open.location()));
    }

    static State evolve(State state, EmployerEvent event) {
        if (event instanceof VacancyOpened opened) {
            return new State.Open(new Posting(opened.vacancyId(), opened.employerId(), opened.openedOn(), opened.title(),
                    opened.sector(), opened.hoursPerWeek(), opened.hourlyWageCents(), opened.requiredDutchLevel(), opened.location()));
        }
        if (event instanceof VacancyFilled filled && state instanceof State.Open open) {
            return new State.Filled(open.posting(), filled.filledOn(), filled.participantId());
        }
        if (event instanceof VacancyClosed closed && state instanceof State.Open open) {
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
        throw new Rejected("the vacancy has not been opened");
    }

    private static String describe(State state) {
        if (state instanceof State.Filled filled) {
            return "filled on " + filled.filledOn();
        }
        if (state instanceof State.Closed closed) {
            return "closed on " + closed.closedOn();
        }
        return "not open";
    }

    private static void notBeforeOpening(String field, LocalDate date, Posting posting) {
        if (date.isBefore(posting.openedOn())) {
            throw new Rejected(field, "lies before the vacancy opened on " + posting.openedOn());
        }
    }
}
