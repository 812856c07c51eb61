package nl.werkdesk.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The names an event type goes by, as consumers, the relay and the projection rebuild look them up on every record:
 * made once (bench/results showed them recomputed per record), they must stay exactly what they were.
 */
class EventTypeNamesTest {

    @Test
    void everyTypeIsFoundInItsCatalogByItsCloudEventsType() {
        for (EventCatalog catalog : Catalogs.ALL) {
            for (EventType type : catalog.types()) {
                assertSame(type, catalog.byCloudEventType("nl.werkdesk." + catalog.context() + "." + type.slug()).orElseThrow(),
                        type.name() + " in the " + catalog.context() + " catalog");
            }
        }
    }

    @Test
    void aCatalogKnowsNoTypeOfAnotherContextNorAnUnknownOrMissingOne() {
        EventCatalog first = Catalogs.ALL.get(0);
        EventCatalog other = Catalogs.ALL.get(1);
        String foreign = other.types().get(0).cloudEventType();
        assertTrue(first.byCloudEventType(foreign).isEmpty(), foreign + " is not in the " + first.context() + " catalog");
        assertTrue(first.byCloudEventType("nl.werkdesk." + first.context() + ".no-such-event").isEmpty());
        assertTrue(first.byCloudEventType(null).isEmpty());
    }

    @Test
    void slugsAreTheKebabCaseOfTheRecordNames() {
        for (EventCatalog catalog : Catalogs.ALL) {
            for (EventType type : catalog.types()) {
                String expected = type.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                        .toLowerCase(Locale.ROOT);
                assertEquals(expected, type.slug(), type.name());
                assertEquals("nl.werkdesk." + catalog.context() + "." + expected, type.cloudEventType());
            }
        }
        assertEquals("relocated-by-coa", new EventType("test", RelocatedByCOA.class, 1).slug());
        assertEquals("twv-requested", new EventType("test", TwvRequested.class, 1).slug());
    }

    private interface TestEvent extends IntegrationEvent {
    }

    private record RelocatedByCOA(java.time.LocalDate on) implements TestEvent {
        @Override
        public java.time.LocalDate occurredOn() {
            return on;
        }
    }

    private record TwvRequested(java.time.LocalDate on) implements TestEvent {
        @Override
        public java.time.LocalDate occurredOn() {
            return on;
        }
    }
}
