package nl.werkdesk.eventsourcing.sample;

import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;

/** The published language of the sample service: what the kernel's tests see on its topic. */
public sealed interface SampleEvent extends IntegrationEvent {

    String TOPIC = "werkdesk.sample.v1";
    EventCatalog CATALOG = EventCatalog.of("sample", TOPIC, "sample-service", SampleEvent.class);

    record CounterOpened(UUID counterId, LocalDate openedOn) implements SampleEvent {
        public LocalDate occurredOn() {
            return openedOn;
        }
    }

    record CounterIncremented(UUID counterId, int by, LocalDate incrementedOn) implements SampleEvent {
        public LocalDate occurredOn() {
            return incrementedOn;
        }
    }

    record CounterClosed(UUID counterId, LocalDate closedOn) implements SampleEvent {
        public LocalDate occurredOn() {
            return closedOn;
        }
    }

    /** Published beside CounterClosed: one stored event that becomes two integration events. */
    record CounterArchived(UUID counterId, LocalDate archivedOn) implements SampleEvent {
        public LocalDate occurredOn() {
            return archivedOn;
        }
    }
}
