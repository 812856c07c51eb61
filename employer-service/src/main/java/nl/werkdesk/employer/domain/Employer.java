package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.EmployerRegistered;
import nl.werkdesk.contracts.employer.EmployerEvent.TwvIntermediaryChanged;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;

/**
 * An employer in the pilot: registered by the Werkgeversservicepunt, and whether (and from/until when) an
 * intermediary takes its TWV paperwork. The contact person is not part of it: personal data stays beside
 * the stream, never in an event. Pure: no I/O, no clock.
 */
public final class Employer {

    /** A KvK (Chamber of Commerce) number: eight digits. */
    public static final String KVK_NUMBER_PATTERN = "[0-9]{8}";

    public sealed interface Command {
        /** {@code twvIntermediary} null: the employer applies for TWVs itself. */
        record RegisterEmployer(UUID employerId, LocalDate registeredOn, String tradeName, String kvkNumber, Sector sector,
                                boolean temporaryEmploymentAgency, TwvIntermediary twvIntermediary) implements Command {}

        /** {@code twvIntermediary} null: from now on the employer applies for TWVs itself. */
        record ChangeTwvIntermediary(LocalDate changedOn, TwvIntermediary twvIntermediary) implements Command {}
    }

    public sealed interface State {
        record Unregistered() implements State {}

        /** {@code lastChangedOn}: the registration, or the latest change of the intermediary arrangement. */
        record Registered(UUID employerId, LocalDate registeredOn, String tradeName, String kvkNumber, Sector sector,
                          boolean temporaryEmploymentAgency, TwvIntermediary twvIntermediary, LocalDate lastChangedOn) implements State {}
    }

    public static final Decider<Command, State, EmployerEvent> DECIDER =
            new Decider<>(new State.Unregistered(), Employer::decide, Employer::evolve);

    private Employer() {
    }

    static List<EmployerEvent> decide(Command command, State state) {
        if (command instanceof Command.RegisterEmployer register) {
            if (!(state instanceof State.Unregistered)) {
                throw new Rejected("the employer is already registered");
            }
            if (register.kvkNumber() == null || !register.kvkNumber().matches(KVK_NUMBER_PATTERN)) {
                throw new Rejected("kvkNumber", "must be the 8 digits of a KvK number");
            }
            checkPeriod(register.twvIntermediary());
            return List.of(new EmployerRegistered(register.employerId(), register.registeredOn(), register.tradeName(),
                    register.kvkNumber(), register.sector(), register.temporaryEmploymentAgency(), register.twvIntermediary()));
        }
        if (command instanceof Command.ChangeTwvIntermediary change) {
            State.Registered employer = registered(state);
            if (change.changedOn().isBefore(employer.registeredOn())) {
                throw new Rejected("changedOn", "lies before the employer's registration on " + employer.registeredOn());
            }
            if (change.changedOn().isBefore(employer.lastChangedOn())) {
                throw new Rejected("changedOn", "lies before the previous change of the TWV intermediary on " + employer.lastChangedOn());
            }
            checkPeriod(change.twvIntermediary());
            if (Objects.equals(change.twvIntermediary(), employer.twvIntermediary())) {
                throw new Rejected("the TWV intermediary arrangement is already as requested");
            }
            return List.of(new TwvIntermediaryChanged(employer.employerId(), change.changedOn(), change.twvIntermediary()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    static State evolve(State state, EmployerEvent event) {
        if (event instanceof EmployerRegistered registered) {
            return new State.Registered(registered.employerId(), registered.registeredOn(), registered.tradeName(),
                    registered.kvkNumber(), registered.sector(), registered.temporaryEmploymentAgency(),
                    registered.twvIntermediary(), registered.registeredOn());
        }
        if (event instanceof TwvIntermediaryChanged changed && state instanceof State.Registered employer) {
            return new State.Registered(employer.employerId(), employer.registeredOn(), employer.tradeName(), employer.kvkNumber(),
                    employer.sector(), employer.temporaryEmploymentAgency(), changed.twvIntermediary(), changed.changedOn());
        }
        return state;
    }

    public static State.Registered registered(State state) {
        if (state instanceof State.Registered registered) {
            return registered;
        }
        throw new Rejected("the employer is not registered");
    }

    private static void checkPeriod(TwvIntermediary intermediary) {
        if (intermediary != null && intermediary.until() != null && intermediary.until().isBefore(intermediary.from())) {
            throw new Rejected("twvIntermediary.until", "lies before twvIntermediary.from (" + intermediary.from() + ")");
        }
    }
}
