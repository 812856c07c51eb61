package nl.werkdesk.placement.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services in the tests: puts their events on the real broker as the outbox relay would, as
 * binary-mode CloudEvents keyed by stream id, each checked against its contract schema first.
 */
final class CloudEventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Map<UUID, Long> SEQUENCES = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private CloudEventPublisher() {
    }

    /** Publishes the next event of a stream; answers the record, so that a test can deliver it again. */
    static ProducerRecord<String, String> publish(EventCatalog catalog, UUID streamId, IntegrationEvent event) {
        long sequence = SEQUENCES.merge(streamId, 1L, Long::sum);
        return send(record(catalog, streamId, sequence, UUID.randomUUID(), event));
    }

    /** Delivers the very same record again (same ce_id), as a broker or producer retry would. */
    static void redeliver(ProducerRecord<String, String> record) {
        send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), record.headers()));
    }

    /** The ce_id of a published record. */
    static String eventId(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static ProducerRecord<String, String> record(EventCatalog catalog, UUID streamId, long sequence, UUID eventId,
                                                         IntegrationEvent event) {
        EventType type = catalog.typeOf(event);
        String data;
        try {
            data = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type.name(), e);
        }
        ContractSchemas.assertValid(type, data);
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", eventId.toString()),
                header("ce_source", catalog.source().toString()),
                header("ce_type", type.cloudEventType()),
                header("ce_subject", streamId.toString()),
                header("ce_time", event.occurredOn().atStartOfDay(BUSINESS_ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                header("ce_dataschema", type.dataSchema().toString()),
                header("ce_sequence", String.valueOf(sequence)),
                header("content-type", "application/json"));
        return new ProducerRecord<>(catalog.topic(), null, streamId.toString(), data, headers);
    }

    private static synchronized ProducerRecord<String, String> send(ProducerRecord<String, String> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        try {
            producer.send(record).get();
            return record;
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test event", e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
