package nl.werkdesk.eventsourcing.core;

import java.util.List;
import java.util.UUID;

/** A door that is installed, then opened, and opened only with its own code: the core's tests' sample aggregate. */
final class Door {

    sealed interface Command {
        record Install(UUID doorId, String code) implements Command {}

        record Open(String code) implements Command {}
    }

    sealed interface Event {
        record Installed(UUID doorId, String code) implements Event {}

        record Opened() implements Event {}
    }

    sealed interface State {
        record None() implements State {}

        record Closed(UUID doorId, String code) implements State {}

        record Open(UUID doorId, String code) implements State {}
    }

    enum DoorRejection implements RejectionCode {
        ALREADY_INSTALLED(Kind.STATE, "Door already installed"),
        NOT_INSTALLED(Kind.STATE, "Door not installed"),
        ALREADY_OPEN(Kind.STATE, "Door already open"),
        WRONG_CODE(Kind.FIELD, "Wrong code");

        private final Kind kind;
        private final String title;

        DoorRejection(Kind kind, String title) {
            this.kind = kind;
            this.title = title;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public Kind kind() {
            return kind;
        }
    }

    static final Decider<Command, State, Event> DECIDER = new Decider<>(new State.None(), Door::decide, Door::evolve);

    private Door() {
    }

    static List<Event> decide(Command command, State state) {
        if (command instanceof Command.Install install) {
            if (!(state instanceof State.None)) {
                throw new Rejected(DoorRejection.ALREADY_INSTALLED, "the door is already installed");
            }
            return List.of(new Event.Installed(install.doorId(), install.code()));
        }
        Command.Open open = (Command.Open) command;
        if (state instanceof State.None) {
            throw new Rejected(DoorRejection.NOT_INSTALLED, "there is no door yet");
        }
        if (state instanceof State.Open) {
            throw new Rejected(DoorRejection.ALREADY_OPEN, "the door is open");
        }
        if (!((State.Closed) state).code().equals(open.code())) {
            throw new Rejected(DoorRejection.WRONG_CODE, "code", "does not open this door");
        }
        return List.of(new Event.Opened());
    }

    static State evolve(State state, Event event) {
        if (event instanceof Event.Installed installed) {
            return new State.Closed(installed.doorId(), installed.code());
        }
        if (state instanceof State.Closed closed) {
            return new State.Open(closed.doorId(), closed.code());
        }
        return state;
    }
}
