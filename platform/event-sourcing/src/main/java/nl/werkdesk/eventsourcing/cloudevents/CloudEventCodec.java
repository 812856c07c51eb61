package nl.werkdesk.eventsourcing.cloudevents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.eventsourcing.tracing.TraceContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The one place that knows how a CloudEvent looks on Kafka: binary content mode after the Kafka protocol binding,
 * ce_ prefixed attributes, content-type for datacontenttype, ce_sequence for the version within the stream, and the
 * distributed-tracing extension as the W3C headers {@code traceparent} and {@code tracestate} (unprefixed, as
 * OpenTelemetry's Kafka propagation reads them; docs/decisions.md). The relay writes with it; the consumers, the relay's recovery and the projection rebuild read with it.
 */
@ApplicationScoped
public class CloudEventCodec {

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private final ObjectMapper reader;

    CloudEventCodec(ObjectMapper mapper) {
        // Tolerant of fields it does not know: a producer may add fields without a new schema version.
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Why a record cannot be read as a CloudEvent, or its data as the event it claims to be. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The Kafka record of a CloudEvent, keyed by its subject so that one stream stays in order. */
    public static ProducerRecord<String, String> record(String topic, CloudEvent event) {
        String subject = event.subject().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, event.data());
        Headers headers = record.headers();
        add(headers, "ce_specversion", SPEC_VERSION);
        add(headers, "ce_id", event.id().toString());
        add(headers, "ce_source", event.source().toString());
        add(headers, "ce_type", event.type());
        add(headers, "ce_subject", subject);
        add(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()));
        add(headers, "ce_dataschema", event.dataSchema().toString());
        add(headers, "ce_sequence", String.valueOf(event.sequence()));
        add(headers, "content-type", CONTENT_TYPE);
        if (event.trace().traceparent() != null) {
            add(headers, TRACEPARENT, event.trace().traceparent());
        }
        if (event.trace().tracestate() != null) {
            add(headers, TRACESTATE, event.trace().tracestate());
        }
        return record;
    }

    /**
     * The CloudEvent a record carries; {@link Unreadable} when it is none (no ce_ headers), or when its id or subject
     * is not a UUID, its sequence not a number or its time not a date-time.
     */
    public static CloudEvent read(Headers headers, String data) {
        String id = header(headers, "ce_id");
        String type = header(headers, "ce_type");
        String source = header(headers, "ce_source");
        if (id == null || type == null || source == null) {
            throw new Unreadable("not a CloudEvent (no ce_id, ce_type, ce_source headers)");
        }
        String subject = header(headers, "ce_subject");
        if (subject == null) {
            throw new Unreadable("ce_subject (the stream id) is missing");
        }
        try {
            String time = header(headers, "ce_time");
            String sequence = header(headers, "ce_sequence");
            String dataSchema = header(headers, "ce_dataschema");
            return new CloudEvent(uuid(id, "ce_id"), URI.create(source), type, uuid(subject, "ce_subject"),
                    time == null ? null : OffsetDateTime.parse(time), sequence == null ? 0 : Long.parseLong(sequence),
                    dataSchema == null ? null : URI.create(dataSchema), new TraceContext(header(headers, TRACEPARENT), header(headers, TRACESTATE)), data);
        } catch (NumberFormatException e) {
            throw new Unreadable("ce_sequence must be a whole number");
        } catch (DateTimeParseException e) {
            throw new Unreadable("ce_time must be an RFC 3339 date-time");
        } catch (IllegalArgumentException e) {
            throw new Unreadable("ce_source and ce_dataschema must be URIs");
        }
    }

    /**
     * The event a CloudEvent of {@code catalog}'s topic carries. Empty for a type of the same producer that this
     * catalog does not know yet (added later by the producer); {@link Unreadable} for a type of another producer, for
     * missing data and for data that is not the event it claims to be.
     */
    public <E> Optional<E> decode(CloudEvent event, EventCatalog catalog, Class<E> root) {
        Optional<EventType> type = catalog.byCloudEventType(event.type());
        if (type.isEmpty()) {
            if (event.type().startsWith("nl.werkdesk." + catalog.context() + ".")) {
                return Optional.empty();
            }
            throw new Unreadable("unexpected CloudEvent type " + event.type() + " on the " + catalog.context() + " topic");
        }
        if (event.data() == null) {
            throw new Unreadable("the message has no data");
        }
        try {
            return Optional.of(root.cast(reader.readValue(event.data(), type.get().javaType())));
        } catch (Exception e) {
            throw new Unreadable("data is not a valid " + type.get().name() + ": " + e.getClass().getSimpleName());
        }
    }

    private static UUID uuid(String value, String attribute) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("ce_id and ce_subject must be UUIDs (" + attribute + " is not)");
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
