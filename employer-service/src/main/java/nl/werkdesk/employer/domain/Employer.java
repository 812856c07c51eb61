package nl.werkdesk.employer.domain;

import static nl.werkdesk.employer.domain.EmployerRejection.DATE_BEFORE_EMPLOYER_REGISTRATION;
import static nl.werkdesk.employer.domain.EmployerRejection.DATE_BEFORE_PREVIOUS_CONTACT_PERSON_CHANGE;
import static nl.werkdesk.employer.domain.EmployerRejection.DATE_BEFORE_PREVIOUS_INTERMEDIARY_CHANGE;
import static nl.werkdesk.employer.domain.EmployerRejection.EMPLOYER_ALREADY_REGISTERED;
import static nl.werkdesk.employer.domain.EmployerRejection.EMPLOYER_NOT_REGISTERED;
import static nl.werkdesk.employer.domain.EmployerRejection.KVK_NUMBER_INVALID;
import static nl.werkdesk.employer.domain.EmployerRejection.TWV_INTERMEDIARY_ENDS_BEFORE_START;
import static nl.werkdesk.employer.domain.EmployerRejection.TWV_INTERMEDIARY_UNCHANGED;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;

/**
 * An employer in the pilot: registered by the Werkgeversservicepunt, and whether (and from/until when) an
 * intermediary takes its TWV paperwork, and since when it has its contact person. Who the contact person is
 * is not part of it: personal data stays beside the stream, never in an event. Pure: no I/O, no clock.
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

        /** Another contact person, or new details of the same one: who it is stays beside the stream, the command says when. */
        record ChangeContactPerson(LocalDate changedOn) implements Command {}
    }

    /**
     * What happens to an employer, as employer-service stores it (stored under the records' names). Published through
     * {@code EmployerPublication} onto werkdesk.employers.v1; never the contact person, and not that it changed.
     */
    public sealed interface Event {
        UUID employerId();

        /** The business date of the event. */
        LocalDate occurredOn();

        /** The employer joined the pilot. */
        record EmployerRegistered(UUID employerId, LocalDate registeredOn, String tradeName, String kvkNumber, Sector sector,
                                  boolean temporaryEmploymentAgency, TwvIntermediary twvIntermediary) implements Event {
            public LocalDate occurredOn() {
                return registeredOn;
            }
        }

        /** Whether, and from/until when, an intermediary takes the employer's TWV paperwork changed. */
        record TwvIntermediaryChanged(UUID employerId, LocalDate changedOn, TwvIntermediary twvIntermediary) implements Event {
            public LocalDate occurredOn() {
                return changedOn;
            }
        }

        /** The contact person changed. Only the date: the person is personal data, kept beside the stream. */
        record ContactPersonChanged(UUID employerId, LocalDate changedOn) implements Event {
            public LocalDate occurredOn() {
                return changedOn;
            }
        }
    }

    public sealed interface State {
        record Unregistered() implements State {}

        /**
         * {@code lastChangedOn}: the registration, or the latest change of the intermediary arrangement;
         * {@code contactPersonSince}: the registration, or the latest change of the contact person.
         */
        record Registered(UUID employerId, LocalDate registeredOn, String tradeName, String kvkNumber, Sector sector,
                          boolean temporaryEmploymentAgency, TwvIntermediary twvIntermediary, LocalDate lastChangedOn,
                          LocalDate contactPersonSince) implements State {

            Registered withTwvIntermediary(TwvIntermediary intermediary, LocalDate changedOn) {
                return new Registered(employerId, registeredOn, tradeName, kvkNumber, sector, temporaryEmploymentAgency, intermediary,
                        changedOn, contactPersonSince);
            }

            Registered withContactPersonSince(LocalDate changedOn) {
                return new Registered(employerId, registeredOn, tradeName, kvkNumber, sector, temporaryEmploymentAgency, twvIntermediary,
                        lastChangedOn, changedOn);
            }
        }
    }

    public static final Decider<Command, State, Event> DECIDER = new Decider<>(new State.Unregistered(), Employer::decide, Employer::evolve);

    private Employer() {
    }

    static List<Event> decide(Command command, State state) {
        if (command instanceof Command.RegisterEmployer register) {
            if (state instanceof State.Registered registered) {
                throw new Rejected(EMPLOYER_ALREADY_REGISTERED, "the employer was registered on " + registered.registeredOn());
            }
            if (register.kvkNumber() == null || !register.kvkNumber().matches(KVK_NUMBER_PATTERN)) {
                throw new Rejected(KVK_NUMBER_INVALID, "kvkNumber", "must be the 8 digits of a KvK number");
            }
            checkPeriod(register.twvIntermediary());
            return List.of(new Event.EmployerRegistered(register.employerId(), register.registeredOn(), register.tradeName(),
                    register.kvkNumber(), register.sector(), register.temporaryEmploymentAgency(), register.twvIntermediary()));
        }
        if (command instanceof Command.ChangeTwvIntermediary change) {
            State.Registered employer = registered(state);
            notBeforeRegistration(change.changedOn(), employer);
            if (change.changedOn().isBefore(employer.lastChangedOn())) {
                throw new Rejected(DATE_BEFORE_PREVIOUS_INTERMEDIARY_CHANGE, "changedOn",
                        "lies before the previous change of the TWV intermediary on " + employer.lastChangedOn());
            }
            checkPeriod(change.twvIntermediary());
            if (Objects.equals(change.twvIntermediary(), employer.twvIntermediary())) {
                throw new Rejected(TWV_INTERMEDIARY_UNCHANGED, "the TWV intermediary arrangement is already as requested");
            }
            return List.of(new Event.TwvIntermediaryChanged(employer.employerId(), change.changedOn(), change.twvIntermediary()));
        }
        if (command instanceof Command.ChangeContactPerson change) {
            State.Registered employer = registered(state);
            notBeforeRegistration(change.changedOn(), employer);
            if (change.changedOn().isBefore(employer.contactPersonSince())) {
                throw new Rejected(DATE_BEFORE_PREVIOUS_CONTACT_PERSON_CHANGE, "changedOn",
                        "lies before the previous change of the contact person on " + employer.contactPersonSince());
            }
            return List.of(new Event.ContactPersonChanged(employer.employerId(), change.changedOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    static State evolve(State state, Event event) {
        if (event instanceof Event.EmployerRegistered registered) {
            return new State.Registered(registered.employerId(), registered.registeredOn(), registered.tradeName(),
                    registered.kvkNumber(), registered.sector(), registered.temporaryEmploymentAgency(),
                    registered.twvIntermediary(), registered.registeredOn(), registered.registeredOn());
        }
        if (event instanceof Event.TwvIntermediaryChanged changed && state instanceof State.Registered employer) {
            return employer.withTwvIntermediary(changed.twvIntermediary(), changed.changedOn());
        }
        if (event instanceof Event.ContactPersonChanged changed && state instanceof State.Registered employer) {
            return employer.withContactPersonSince(changed.changedOn());
        }
        return state;
    }

    public static State.Registered registered(State state) {
        if (state instanceof State.Registered registered) {
            return registered;
        }
        throw new Rejected(EMPLOYER_NOT_REGISTERED, "the employer is not registered");
    }

    private static void notBeforeRegistration(LocalDate changedOn, State.Registered employer) {
        if (changedOn.isBefore(employer.registeredOn())) {
            throw new Rejected(DATE_BEFORE_EMPLOYER_REGISTRATION, "changedOn", "lies before the employer's registration on " + employer.registeredOn());
        }
    }

    private static void checkPeriod(TwvIntermediary intermediary) {
        if (intermediary != null && intermediary.until() != null && intermediary.until().isBefore(intermediary.from())) {
            throw new Rejected(TWV_INTERMEDIARY_ENDS_BEFORE_START, "twvIntermediary.until",
                    "lies before twvIntermediary.from (" + intermediary.from() + ")");
        }
    }
}
