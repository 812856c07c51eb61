package nl.werkdesk.eventsourcing;

import java.util.List;
import java.util.Objects;

/**
 * Given/when/then for deciders, so that domain tests read as specification:
 * {@code given(registered).when(completeIntake).then(intakeCompleted)} or {@code .rejectedWith("...")}.
 * Plain Java: failures are AssertionErrors that any test framework reports.
 */
public final class DeciderScenario<C, S, E> {

    private final Decider<C, S, E> decider;
    private final List<E> history;

    private DeciderScenario(Decider<C, S, E> decider, List<E> history) {
        this.decider = decider;
        this.history = history;
    }

    public static <C, S, E> DeciderScenario<C, S, E> with(Decider<C, S, E> decider) {
        return new DeciderScenario<>(decider, List.of());
    }

    @SafeVarargs
    public final DeciderScenario<C, S, E> given(E... events) {
        return new DeciderScenario<>(decider, List.of(events));
    }

    public Outcome when(C command) {
        S state = decider.replay(history);
        try {
            return new Outcome(state, decider.decide(command, state), null);
        } catch (Rejected rejected) {
            return new Outcome(state, null, rejected);
        }
    }

    /** The state after the history, for checks on evolve. */
    public S state() {
        return decider.replay(history);
    }

    public final class Outcome {

        private final S state;
        private final List<E> events;
        private final Rejected rejection;

        private Outcome(S state, List<E> events, Rejected rejection) {
            this.state = state;
            this.events = events;
            this.rejection = rejection;
        }

        @SafeVarargs
        public final S then(E... expected) {
            if (rejection != null) {
                throw new AssertionError("expected events " + List.of(expected) + " but the command was rejected: " + rejection.getMessage());
            }
            if (!events.equals(List.of(expected))) {
                throw new AssertionError("expected events " + List.of(expected) + " but got " + events);
            }
            return decider.fold(state, events);
        }

        /** The command was refused because of the state of the journey (no field). */
        public Rejected rejectedWith(String reason) {
            Rejected found = rejection();
            if (found.field().isPresent() || !found.reason().contains(reason)) {
                throw new AssertionError("expected a rejection \"" + reason + "\" but got: " + describe(found));
            }
            return found;
        }

        /** The command was refused because of one of its fields. */
        public Rejected rejectedOn(String field, String reason) {
            Rejected found = rejection();
            if (!Objects.equals(found.field().orElse(null), field) || !found.reason().contains(reason)) {
                throw new AssertionError("expected a rejection of " + field + " \"" + reason + "\" but got: " + describe(found));
            }
            return found;
        }

        private Rejected rejection() {
            if (rejection == null) {
                throw new AssertionError("expected a rejection but the command decided " + events);
            }
            return rejection;
        }

        private String describe(Rejected found) {
            return found.field().map(field -> field + " " + found.reason()).orElse(found.reason());
        }
    }
}
