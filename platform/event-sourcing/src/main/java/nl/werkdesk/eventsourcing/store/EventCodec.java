package nl.werkdesk.eventsourcing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.IntegrationEvent;

/**
 * Turns the events of one catalog into stored JSON and back. Reading is tolerant of fields it does not
 * know, so that additive schema changes keep their version (architecture.md, schema evolution).
 */
public final class EventCodec<E extends IntegrationEvent> {

    private final EventCatalog catalog;
    private final Class<E> root;
    private final ObjectMapper writer;
    private final ObjectMapper reader;

    public EventCodec(EventCatalog catalog, Class<E> root, ObjectMapper mapper) {
        this.catalog = catalog;
        this.root = root;
        this.writer = mapper;
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public EventCatalog catalog() {
        return catalog;
    }

    public EventType typeOf(E event) {
        return catalog.typeOf(event);
    }

    public String encode(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public E decode(String type, String json) {
        EventType eventType = catalog.byName(type)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + type + " in " + catalog.context()));
        try {
            return root.cast(reader.readValue(json, eventType.javaType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode a stored " + type, e);
        }
    }

    public EventMetadata decodeMetadata(String json) {
        try {
            return reader.readValue(json, EventMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode event metadata", e);
        }
    }
}
