package nl.werkdesk.eventsourcing.sample;

import java.time.LocalDate;
import java.util.UUID;

/** The sample counter's own events, as its store keeps them; {@link SampleEvent} is what it publishes. */
public sealed interface CounterEvent {

    LocalDate occurredOn();

    record CounterOpened(UUID counterId, LocalDate openedOn) implements CounterEvent {
        public LocalDate occurredOn() {
            return openedOn;
        }
    }

    record CounterIncremented(UUID counterId, int by, LocalDate incrementedOn) implements CounterEvent {
        public LocalDate occurredOn() {
            return incrementedOn;
        }
    }

    record CounterClosed(UUID counterId, LocalDate closedOn) implements CounterEvent {
        public LocalDate occurredOn() {
            return closedOn;
        }
    }
}
