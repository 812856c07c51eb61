package nl.werkdesk.eventsourcing.core;

import java.util.List;
import java.util.function.BiFunction;

/**
 * An aggregate as three pure parts: where a stream starts, what a command decides given the state, and
 * how an event changes the state. No I/O, no clock, no framework: the kernel does the rest.
 *
 * @param <C> commands, in the imperative (CompleteIntake)
 * @param <S> the few shapes the aggregate's state really has
 * @param <E> events, in the past tense (IntakeCompleted)
 */
public record Decider<C, S, E>(S initialState, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {

    /** Replays history: never refuses, so a stored stream always loads. */
    public S fold(S state, Iterable<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve.apply(current, event);
        }
        return current;
    }

    public S replay(Iterable<? extends E> events) {
        return fold(initialState, events);
    }

    /** The events a command leads to, or a {@link Rejected} saying why not. */
    public List<E> decide(C command, S state) {
        return decide.apply(command, state);
    }
}
