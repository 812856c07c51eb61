package nl.werkdesk.eventsourcing.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.werkdesk.eventsourcing.core.SealedTypes;

/**
 * The domain event catalog of one aggregate, owned by its service: the name each event type is stored under (the
 * record's simple name), its current schema version, and the upcasters that bring older stored versions up to it.
 * Events are never rewritten: a breaking change to a record is a new schema version plus one upcaster from the
 * version before, on the stored JSON.
 *
 * <pre>{@code
 * DomainEvents.of(ParticipantEvent.class, ParticipantEvent::occurredOn)
 *         .upcast(ParticipantRegistered.class, 1, Upcasts::wDocumentAsOneValue);   // v1 -> v2
 * }</pre>
 *
 * @param <E> the aggregate's sealed event interface
 */
public final class DomainEvents<E> {

    private final Class<E> root;
    private final Function<? super E, LocalDate> occurredOn;
    private final Map<String, Class<? extends E>> byName;
    private final Map<Class<?>, String> names;
    /** Per stored type name, the upcaster from version i + 1 to i + 2 at index i. */
    private final Map<String, List<UnaryOperator<ObjectNode>>> upcasters;

    private DomainEvents(Class<E> root, Function<? super E, LocalDate> occurredOn, Map<String, Class<? extends E>> byName,
                         Map<String, List<UnaryOperator<ObjectNode>>> upcasters) {
        this.root = root;
        this.occurredOn = occurredOn;
        this.byName = byName;
        this.upcasters = upcasters;
        this.names = new HashMap<>();
        byName.forEach((name, type) -> names.put(type, name));
    }

    /**
     * Every record below {@code root}, each at schema version 1.
     *
     * @param occurredOn the business date of an event, stored as occurred_at and published as ce_time
     */
    public static <E> DomainEvents<E> of(Class<E> root, Function<? super E, LocalDate> occurredOn) {
        Map<String, Class<? extends E>> byName = new LinkedHashMap<>();
        for (Class<?> type : SealedTypes.concreteTypes(root)) {
            if (byName.put(type.getSimpleName(), type.asSubclass(root)) != null) {
                throw new IllegalArgumentException(root.getName() + " has two events named " + type.getSimpleName());
            }
        }
        return new DomainEvents<>(root, occurredOn, Map.copyOf(byName), Map.of());
    }

    /**
     * Declares the next schema version of {@code type}: {@code upcaster} turns stored data of {@code fromVersion} into
     * {@code fromVersion + 1}, which becomes the version new events are stored in (unless a later upcaster follows).
     * Upcasters are pure: the same old JSON always gives the same new JSON, so an old event reads, and publishes, the
     * same every time.
     */
    public DomainEvents<E> upcast(Class<? extends E> type, int fromVersion, UnaryOperator<ObjectNode> upcaster) {
        String name = nameOf(type);
        List<UnaryOperator<ObjectNode>> steps = new ArrayList<>(upcasters.getOrDefault(name, List.of()));
        if (fromVersion != steps.size() + 1) {
            throw new IllegalArgumentException(name + " is at version " + (steps.size() + 1) + ": its next upcaster is from that version, not "
                    + fromVersion);
        }
        steps.add(upcaster);
        Map<String, List<UnaryOperator<ObjectNode>>> all = new HashMap<>(upcasters);
        all.put(name, List.copyOf(steps));
        return new DomainEvents<>(root, occurredOn, byName, Map.copyOf(all));
    }

    public Class<E> root() {
        return root;
    }

    public LocalDate occurredOn(E event) {
        return occurredOn.apply(event);
    }

    /** The stored type name of an event: its record's simple name. */
    public String nameOf(Class<?> type) {
        String name = names.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not an event of " + root.getSimpleName());
        }
        return name;
    }

    public Optional<Class<? extends E>> typeNamed(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The version new events of this type are stored in. */
    public int currentVersion(String name) {
        return upcasters.getOrDefault(name, List.of()).size() + 1;
    }

    /** Stored data of {@code version} as the current version has it (the same node, changed in place). */
    ObjectNode upcast(String name, int version, ObjectNode data) {
        List<UnaryOperator<ObjectNode>> steps = upcasters.getOrDefault(name, List.of());
        ObjectNode current = data;
        for (int from = version; from <= steps.size(); from++) {
            current = steps.get(from - 1).apply(current);
        }
        return current;
    }
}
