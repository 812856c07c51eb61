package nl.werkdesk.eventsourcing.sample;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.eventsourcing.sample.SampleEvent.CounterArchived;
import nl.werkdesk.eventsourcing.sample.SampleEvent.CounterClosed;
import nl.werkdesk.eventsourcing.sample.SampleEvent.CounterIncremented;
import nl.werkdesk.eventsourcing.sample.SampleEvent.CounterOpened;

/** The sample's publication mapping: the identity, except that a closed counter is also announced as archived. */
public final class SamplePublication {

    private SamplePublication() {
    }

    public static List<IntegrationEvent> publish(CounterEvent event) {
        if (event instanceof CounterEvent.CounterOpened opened) {
            return List.of(new CounterOpened(opened.counterId(), opened.openedOn()));
        }
        if (event instanceof CounterEvent.CounterIncremented incremented) {
            return List.of(new CounterIncremented(incremented.counterId(), incremented.by(), incremented.incrementedOn()));
        }
        CounterEvent.CounterClosed closed = (CounterEvent.CounterClosed) event;
        return List.of(new CounterClosed(closed.counterId(), closed.closedOn()), new CounterArchived(closed.counterId(), closed.closedOn()));
    }
}
