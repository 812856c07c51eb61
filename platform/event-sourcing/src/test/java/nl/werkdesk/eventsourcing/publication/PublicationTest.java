package nl.werkdesk.eventsourcing.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.SampleEvent;
import nl.werkdesk.eventsourcing.sample.SamplePublication;
import org.junit.jupiter.api.Test;

/** What the relay publishes for a stored event, and under which CloudEvents ids. */
class PublicationTest {

    static final UUID COUNTER = UUID.fromString("5f0c8a52-7a43-4d1e-9a57-3c1f2b8e9d10");
    static final UUID EVENT = UUID.fromString("0c2f7e2a-1b3d-4c5e-8f90-a1b2c3d4e5f6");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    static final Publication SAMPLE = Publication.of(SampleEvent.CATALOG).map(CounterEvent.class, SamplePublication::publish);

    @Test
    void givesAStoredEventThatMapsToOneIntegrationEventItsOwnId() {
        List<Publication.Published> published = SAMPLE.publish(EVENT, new CounterEvent.CounterIncremented(COUNTER, 2, DAY));
        assertEquals(1, published.size());
        assertEquals(EVENT, published.get(0).id());
        assertEquals("nl.werkdesk.sample.counter-incremented", published.get(0).type().cloudEventType());
        assertEquals(new SampleEvent.CounterIncremented(COUNTER, 2, DAY), published.get(0).event());
    }

    @Test
    void givesEachFurtherIntegrationEventOfAStoredEventAnIdDerivedFromItsIdAndPlace() {
        List<Publication.Published> first = SAMPLE.publish(EVENT, new CounterEvent.CounterClosed(COUNTER, DAY));
        List<Publication.Published> again = SAMPLE.publish(EVENT, new CounterEvent.CounterClosed(COUNTER, DAY));
        assertEquals(List.of(EVENT, UUID.nameUUIDFromBytes((EVENT + "/1").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                first.stream().map(Publication.Published::id).toList());
        assertEquals(first.stream().map(Publication.Published::id).toList(), again.stream().map(Publication.Published::id).toList());
        assertNotEquals(first.get(1).id(), SAMPLE.publish(UUID.randomUUID(), new CounterEvent.CounterClosed(COUNTER, DAY)).get(1).id());
        assertEquals(List.of("CounterClosed", "CounterArchived"), first.stream().map(p -> p.type().name()).toList());
    }

    @Test
    void publishesNothingForAnEventItsMappingKeepsInside() {
        Publication quiet = Publication.of(SampleEvent.CATALOG).map(CounterEvent.class, event -> List.of());
        assertEquals(List.of(), quiet.publish(EVENT, new CounterEvent.CounterOpened(COUNTER, DAY)));
    }

    @Test
    void publishesTheIdentityAsTheVerySameRecord() {
        Publication identity = Publication.of(SampleEvent.CATALOG).identity(SampleEvent.class);
        SampleEvent.CounterOpened opened = new SampleEvent.CounterOpened(COUNTER, DAY);
        assertSame(opened, identity.publish(EVENT, opened).get(0).event());
    }

    @Test
    void refusesAnEventWithoutAMappingAndAnIntegrationEventOutsideItsCatalog() {
        Publication none = Publication.of(SampleEvent.CATALOG);
        assertThrows(IllegalStateException.class, () -> none.publish(EVENT, new CounterEvent.CounterOpened(COUNTER, DAY)));
        Publication foreign = Publication.of(nl.werkdesk.contracts.participant.ParticipantEvent.CATALOG)
                .map(CounterEvent.class, SamplePublication::publish);
        assertThrows(IllegalArgumentException.class, () -> foreign.publish(EVENT, new CounterEvent.CounterOpened(COUNTER, DAY)));
    }
}
