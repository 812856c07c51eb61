package nl.werkdesk.eventsourcing.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterClosed;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterIncremented;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterOpened;

/** A counter: opened, incremented, closed. Small enough that the kernel's tests are about the kernel. */
public final class Counter {

    public sealed interface Command {
        record Open(UUID counterId, LocalDate on) implements Command {}

        record Increment(int by, LocalDate on) implements Command {}

        /** {@code limit}: the highest total another service allows, null while its fact has not arrived here. */
        record IncrementWithinLimit(int by, Integer limit, LocalDate on) implements Command {}

        record Close(LocalDate on) implements Command {}
    }

    public sealed interface State {
        record None() implements State {}

        record Open(UUID counterId, int total) implements State {}

        record Closed(UUID counterId, int total) implements State {}
    }

    public static final Decider<Command, State, CounterEvent> DECIDER = new Decider<>(new State.None(), Counter::decide, Counter::evolve);

    private Counter() {
    }

    static List<CounterEvent> decide(Command command, State state) {
        if (command instanceof Command.Open open) {
            if (!(state instanceof State.None)) {
                throw new Rejected(CounterRejection.ALREADY_OPEN, "the counter is already open");
            }
            return List.of(new CounterOpened(open.counterId(), open.on()));
        }
        if (!(state instanceof State.Open current)) {
            throw new Rejected(CounterRejection.NOT_OPEN, "the counter is not open");
        }
        if (command instanceof Command.Increment increment) {
            return List.of(increment(current, increment.by(), increment.on()));
        }
        if (command instanceof Command.IncrementWithinLimit increment) {
            if (increment.limit() == null) {
                throw new Rejected(CounterRejection.LIMIT_NOT_KNOWN_YET, "the limit for this counter has not arrived yet");
            }
            if (current.total() + increment.by() > increment.limit()) {
                throw new Rejected(CounterRejection.OVER_LIMIT, "the total may not exceed " + increment.limit());
            }
            return List.of(increment(current, increment.by(), increment.on()));
        }
        Command.Close close = (Command.Close) command;
        return List.of(new CounterClosed(current.counterId(), close.on()));
    }

    private static CounterIncremented increment(State.Open current, int by, LocalDate on) {
        if (by <= 0) {
            throw new Rejected(CounterRejection.NOT_POSITIVE, "by", "must be positive");
        }
        return new CounterIncremented(current.counterId(), by, on);
    }

    static State evolve(State state, CounterEvent event) {
        if (event instanceof CounterOpened opened) {
            return new State.Open(opened.counterId(), 0);
        }
        if (event instanceof CounterIncremented incremented && state instanceof State.Open open) {
            return new State.Open(open.counterId(), open.total() + incremented.by());
        }
        if (event instanceof CounterClosed && state instanceof State.Open open) {
            return new State.Closed(open.counterId(), open.total());
        }
        return state;
    }
}
