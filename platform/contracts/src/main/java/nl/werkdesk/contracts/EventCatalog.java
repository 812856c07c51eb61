package nl.werkdesk.contracts;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a producing service publishes: its topic, its CloudEvents source and every event type,
 * derived from the permitted records of one sealed interface so that a new event cannot be forgotten.
 */
public final class EventCatalog {

    private final String context;
    private final String topic;
    private final URI source;
    private final Map<String, EventType> byName = new LinkedHashMap<>();
    /** Consumers and the projection rebuild look up the type of every record they read by its ce_type. */
    private final Map<String, EventType> byCloudEventType = new HashMap<>();

    private EventCatalog(String context, String topic, URI source, Class<? extends IntegrationEvent> root) {
        this.context = context;
        this.topic = topic;
        this.source = source;
        if (!root.isSealed()) {
            throw new IllegalArgumentException(root.getName() + " must be a sealed interface of event records");
        }
        Arrays.stream(root.getPermittedSubclasses())
                .map(type -> new EventType(context, type.asSubclass(IntegrationEvent.class), 1))
                .forEach(type -> {
                    byName.put(type.name(), type);
                    byCloudEventType.put(type.cloudEventType(), type);
                });
    }

    /** A catalog of all records permitted by {@code root}, each at schema version 1. */
    public static EventCatalog of(String context, String topic, String service, Class<? extends IntegrationEvent> root) {
        return new EventCatalog(context, topic, URI.create("urn:nld:werkdesk:" + service), root);
    }

    public String context() {
        return context;
    }

    public String topic() {
        return topic;
    }

    /** ce_source of every event this service publishes. */
    public URI source() {
        return source;
    }

    public List<EventType> types() {
        return List.copyOf(byName.values());
    }

    public Optional<EventType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<EventType> byCloudEventType(String ceType) {
        return Optional.ofNullable(byCloudEventType.get(ceType));
    }

    public EventType typeOf(IntegrationEvent event) {
        return byName(event.getClass().getSimpleName())
                .orElseThrow(() -> new IllegalArgumentException(event.getClass().getName() + " is not in the " + context + " catalog"));
    }
}
