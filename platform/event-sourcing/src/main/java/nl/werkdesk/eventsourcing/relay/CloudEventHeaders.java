package nl.werkdesk.eventsourcing.relay;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.werkdesk.contracts.EventType;

/**
 * The attributes of an event as CloudEvents 1.0 headers in Kafka's binary content mode (the Kafka protocol
 * binding), NL GOV profile: ce_ prefixed attributes, content-type for datacontenttype, ce_sequence for the
 * version within the stream. SmallRye's consumers read them back as CloudEvent metadata.
 */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    private CloudEventHeaders() {
    }

    static Map<String, String> of(String id, URI source, EventType type, String subject, ZonedDateTime time, long sequence) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", id);
        headers.put("ce_source", source.toString());
        headers.put("ce_type", type.cloudEventType());
        headers.put("ce_subject", subject);
        headers.put("ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        headers.put("ce_dataschema", type.dataSchema().toString());
        headers.put("ce_sequence", String.valueOf(sequence));
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }
}
