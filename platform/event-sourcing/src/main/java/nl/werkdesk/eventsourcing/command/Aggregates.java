package nl.werkdesk.eventsourcing.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import nl.werkdesk.eventsourcing.store.EventCodec;

/**
 * Every aggregate the service declares (its {@code @Produces Aggregate} beans), by stream type: how each stored event
 * is read back, whoever reads it (a command, the relay, a timeline).
 */
@ApplicationScoped
public class Aggregates {

    private final Map<String, EventCodec<?>> codecs = new HashMap<>();

    Aggregates(Instance<Aggregate<?, ?, ?>> aggregates, ObjectMapper mapper) {
        for (Aggregate<?, ?, ?> aggregate : aggregates) {
            if (codecs.put(aggregate.streamType(), new EventCodec<>(aggregate.events(), mapper)) != null) {
                throw new IllegalStateException("two aggregates have the stream type " + aggregate.streamType());
            }
        }
    }

    @SuppressWarnings("unchecked")
    public <E> EventCodec<E> codec(Aggregate<?, ?, E> aggregate) {
        return (EventCodec<E>) codecOf(aggregate.streamType());
    }

    /** The codec of a stream type; a stored stream type no aggregate claims is a deployment error, not something to skip. */
    public EventCodec<?> codecOf(String streamType) {
        EventCodec<?> codec = codecs.get(streamType);
        if (codec == null) {
            throw new IllegalStateException("no aggregate has the stream type " + streamType);
        }
        return codec;
    }
}
