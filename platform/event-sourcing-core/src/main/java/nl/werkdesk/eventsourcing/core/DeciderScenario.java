package nl.werkdesk.eventsourcing.core;

import java.util.List;
import java.util.Objects;

/**
 * Given/when/then for deciders, so that domain tests read as specification:
 * {@code given(registered).when(completeIntake).then(intakeCompleted)} or {@code .rejectedWith(INTAKE_ALREADY_COMPLETED)}.
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

        /** The command was refused with this code (a state or not-yet-known refusal, about no field). */
        public Rejected rejectedWith(RejectionCode code) {
            Rejected found = rejection();
            if (found.code() != code || found.field().isPresent()) {
                throw new AssertionError("expected a rejection " + code.code() + " but got: " + describe(found));
            }
            return found;
        }

        /** The command was refused with this code because of one of its fields. */
        public Rejected rejectedOn(String field, RejectionCode code) {
            Rejected found = rejection();
            if (found.code() != code || !Objects.equals(found.field().orElse(null), field)) {
                throw new AssertionError("expected a rejection " + code.code() + " of " + field + " but got: " + describe(found));
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
            return found.code().code() + " " + found.field().map(field -> field + " " + found.reason()).orElse(found.reason());
        }
    }
}
