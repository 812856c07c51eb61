package nl.werkdesk.eventsourcing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the events of one aggregate into stored JSON and back. Reading passes an older schema version through the
 * aggregate's upcasters first, and is tolerant of fields it does not know, so that additive changes keep their
 * version (architecture.md, schema evolution).
 */
public final class EventCodec<E> {

    private final DomainEvents<E> events;
    private final ObjectMapper writer;
    private final ObjectMapper reader;

    public EventCodec(DomainEvents<E> events, ObjectMapper mapper) {
        this.events = events;
        this.writer = mapper;
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public DomainEvents<E> events() {
        return events;
    }

    public String encode(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** A stored event of any schema version this service knows, as the current record. */
    public E decode(String type, int schemaVersion, String json) {
        Class<? extends E> javaType = events.typeNamed(type).orElseThrow(
                () -> new IllegalStateException("unknown event type " + type + " in " + events.root().getSimpleName()));
        int current = events.currentVersion(type);
        if (schemaVersion > current) {
            throw new IllegalStateException("a stored " + type + " has schema version " + schemaVersion + "; this service knows up to " + current);
        }
        try {
            if (schemaVersion == current) {
                return reader.readValue(json, javaType);
            }
            ObjectNode upcast = events.upcast(type, schemaVersion, (ObjectNode) reader.readTree(json));
            return reader.treeToValue(upcast, javaType);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("cannot decode a stored " + type + " v" + schemaVersion, e);
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
