package nl.werkdesk.eventsourcing.sample;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;

/** The events of a neutral sample aggregate that exercises the kernel in its own tests. */
public sealed interface CounterEvent extends IntegrationEvent {

    String TOPIC = "werkdesk.sample.v1";
    EventCatalog CATALOG = EventCatalog.of("sample", TOPIC, "sample-service", CounterEvent.class);

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
