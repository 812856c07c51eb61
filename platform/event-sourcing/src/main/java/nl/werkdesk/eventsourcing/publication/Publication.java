package nl.werkdesk.eventsourcing.publication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.IntegrationEvent;

/**
 * A service's published language, and the one mapping from its domain events to it: each stored event becomes zero
 * or more integration events of the service's {@link EventCatalog} (platform/contracts). The relay publishes through
 * it, so nothing outside this mapping decides what other services see. Start as the identity and change on purpose;
 * a mapping is pure (the same event always gives the same integration events), because the relay applies it when it
 * publishes, also to events stored long ago.
 *
 * <pre>{@code
 * @Produces
 * Publication publication() {
 *     return Publication.of(nl.werkdesk.contracts.participant.ParticipantEvent.CATALOG)
 *             .map(ParticipantEvent.class, ParticipantPublication::publish);
 * }
 * }</pre>
 */
public final class Publication {

    private final EventCatalog catalog;
    private final Map<Class<?>, Function<Object, List<? extends IntegrationEvent>>> mappings;

    private Publication(EventCatalog catalog, Map<Class<?>, Function<Object, List<? extends IntegrationEvent>>> mappings) {
        this.catalog = catalog;
        this.mappings = mappings;
    }

    /** Publishes on {@code catalog}'s topic, as its source; add a mapping per aggregate event interface. */
    public static Publication of(EventCatalog catalog) {
        return new Publication(catalog, Map.of());
    }

    /** How the events of one aggregate ({@code domainRoot}, its sealed event interface) are published. */
    public <E> Publication map(Class<E> domainRoot, Function<? super E, List<? extends IntegrationEvent>> mapping) {
        Map<Class<?>, Function<Object, List<? extends IntegrationEvent>>> all = new LinkedHashMap<>(mappings);
        if (all.put(domainRoot, event -> mapping.apply(domainRoot.cast(event))) != null) {
            throw new IllegalArgumentException(domainRoot.getName() + " is mapped twice");
        }
        return new Publication(catalog, all);
    }

    /** Domain events that are the published records themselves: each is published as it is. */
    public <E extends IntegrationEvent> Publication identity(Class<E> domainRoot) {
        return map(domainRoot, List::of);
    }

    public EventCatalog catalog() {
        return catalog;
    }

    /**
     * The integration events of one stored event, each with its CloudEvents id: the stored event's own id when it maps
     * to one event (today's ids stay what they were), and a name-based id per index beyond the first, so that the same
     * stored event always gets the same ids, after a crash and after upcasting.
     */
    public List<Published> publish(UUID eventId, Object domainEvent) {
        Function<Object, List<? extends IntegrationEvent>> mapping = mappings.entrySet().stream()
                .filter(entry -> entry.getKey().isInstance(domainEvent))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(domainEvent.getClass().getName() + " has no publication mapping"));
        List<? extends IntegrationEvent> events = mapping.apply(domainEvent);
        List<Published> published = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            IntegrationEvent event = events.get(i);
            published.add(new Published(idOf(eventId, i), catalog.typeOf(event), event));
        }
        return published;
    }

    /** The CloudEvents id of the {@code index}th integration event of a stored event. */
    static UUID idOf(UUID eventId, int index) {
        return index == 0 ? eventId : UUID.nameUUIDFromBytes((eventId + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** One integration event to publish: its CloudEvents id, its type in the catalog and the event itself. */
    public record Published(UUID id, EventType type, IntegrationEvent event) {
    }
}
