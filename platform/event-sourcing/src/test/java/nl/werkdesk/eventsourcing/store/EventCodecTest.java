package nl.werkdesk.eventsourcing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Stored events of older schema versions read as the current records, through the upcasters their aggregate declares. */
class EventCodecTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    sealed interface Shipment {
        /** v1: {"to": "Kabelweg", "on": ...}; v2: {"destination": "Kabelweg", "on": ...}; v3 adds "express" (false before). */
        record Sent(String destination, boolean express, LocalDate on) implements Shipment {}

        record Delivered(LocalDate on) implements Shipment {}
    }

    static final DomainEvents<Shipment> EVENTS = DomainEvents.of(Shipment.class, EventCodecTest::dateOf)
            .upcast(Shipment.Sent.class, 1, data -> rename(data, "to", "destination"))
            .upcast(Shipment.Sent.class, 2, data -> data.put("express", false));

    final EventCodec<Shipment> codec = new EventCodec<>(EVENTS, JSON);

    @Test
    void readsEveryOlderVersionAsTheCurrentRecord() {
        Shipment.Sent expected = new Shipment.Sent("Kabelweg", false, LocalDate.of(2025, 3, 3));
        assertEquals(expected, codec.decode("Sent", 1, "{\"to\":\"Kabelweg\",\"on\":\"2025-03-03\"}"));
        assertEquals(expected, codec.decode("Sent", 2, "{\"destination\":\"Kabelweg\",\"on\":\"2025-03-03\"}"));
        assertEquals(expected, codec.decode("Sent", 3, codec.encode(expected)));
    }

    @Test
    void readsMetadataStoredBeforeTheTraceStateWasKept() {
        EventMetadata metadata = codec.decodeMetadata("{\"actor\":\"ana\",\"correlationId\":\"0b3f8a4e-6a43-4c37-9d55-2f1f3b0a6f01\","
                + "\"causationId\":null,\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}");
        assertEquals("ana", metadata.actor());
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", metadata.traceparent());
        assertEquals(null, metadata.tracestate());
        assertEquals(null, codec.decodeMetadata("{\"actor\":\"ana\",\"correlationId\":null,\"causationId\":null}").trace().traceparent());
    }

    @Test
    void storesTheTraceContextBesideWhoCausedTheEventAndNothingElse() {
        String json = codec.encode(new EventMetadata("ana", null, null, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "a=b"));
        assertEquals("{\"actor\":\"ana\",\"correlationId\":null,\"causationId\":null,"
                + "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"tracestate\":\"a=b\"}", json);
    }

    @Test
    void storesNewEventsInTheirCurrentVersionUnderTheirRecordsName() {
        assertEquals(3, EVENTS.currentVersion("Sent"));
        assertEquals(1, EVENTS.currentVersion("Delivered"));
        assertEquals("Delivered", EVENTS.nameOf(Shipment.Delivered.class));
    }

    @Test
    void refusesAVersionNewerThanItKnowsAndAnUnknownType() {
        assertThrows(IllegalStateException.class, () -> codec.decode("Sent", 4, "{}"));
        assertThrows(IllegalStateException.class, () -> codec.decode("Lost", 1, "{}"));
    }

    @Test
    void refusesAnUpcasterThatSkipsAVersion() {
        assertThrows(IllegalArgumentException.class,
                () -> DomainEvents.of(Shipment.class, EventCodecTest::dateOf).upcast(Shipment.Sent.class, 2, data -> data));
    }

    private static ObjectNode rename(ObjectNode data, String from, String to) {
        data.set(to, data.remove(from));
        return data;
    }

    private static LocalDate dateOf(Shipment shipment) {
        return shipment instanceof Shipment.Sent sent ? sent.on() : ((Shipment.Delivered) shipment).on();
    }
}
