package nl.werkdesk.reporting;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.werkdesk.contracts.Catalogs;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes other services' events onto the real broker as their relays would: a binary-mode CloudEvent (ce_*
 * headers, content-type), keyed by the stream id, the record as JSON. And tells when reporting-service has
 * processed an event, from its record of processed events.
 */
public final class Events {

    public static final Duration PROCESSED = Duration.ofSeconds(60);
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Map<UUID, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    /** Publishes the event with a new event id, and returns that id. */
    public static UUID publish(IntegrationEvent event) {
        UUID eventId = UUID.randomUUID();
        publish(event, eventId);
        return eventId;
    }

    /** Publishes the event with the given event id: the same id twice is a redelivery. */
    public static void publish(IntegrationEvent event, UUID eventId) {
        EventCatalog catalog = catalogOf(event);
        EventType type = catalog.typeOf(event);
        UUID streamId = streamIdOf(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(catalog.topic(), streamId.toString(), json(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId.toString());
        header(record, "ce_source", catalog.source().toString());
        header(record, "ce_type", type.cloudEventType());
        header(record, "ce_subject", streamId.toString());
        header(record, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredOn().atStartOfDay(BUSINESS_ZONE)));
        header(record, "ce_dataschema", type.dataSchema().toString());
        header(record, "ce_sequence", String.valueOf(SEQUENCES.computeIfAbsent(streamId, id -> new AtomicLong()).incrementAndGet()));
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.name(), e);
        }
    }

    /** Publishes a record that claims to be a CloudEvent of the given type, with whatever data, for poison tests. */
    public static void publishRaw(String topic, String key, String ceType, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "urn:nld:werkdesk:test");
        header(record, "ce_type", ceType);
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the record", e);
        }
    }

    /** Publishes each event and waits until reporting-service has processed them all. */
    public static void publishAndAwait(IntegrationEvent... events) {
        List<UUID> ids = java.util.Arrays.stream(events).map(Events::publish).toList();
        ids.forEach(Events::awaitProcessed);
    }

    /** Waits until a consumer of reporting-service recorded the event as processed (with or without effect). */
    public static void awaitProcessed(UUID eventId) {
        await().atMost(PROCESSED).pollInterval(Duration.ofMillis(100)).until(() -> processed(eventId));
    }

    static boolean processed(UUID eventId) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM processed_events WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static EventCatalog catalogOf(IntegrationEvent event) {
        return Catalogs.ALL.stream()
                .filter(catalog -> catalog.byName(event.getClass().getSimpleName())
                        .map(type -> type.javaType().equals(event.getClass())).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no catalog for " + event.getClass()));
    }

    private static UUID streamIdOf(IntegrationEvent event) {
        if (event instanceof ParticipantEvent participant) {
            return participant.participantId();
        }
        if (event instanceof PermitEvent permit) {
            return permit.permitId();
        }
        if (event instanceof PlacementEvent placement) {
            return placement.placementId();
        }
        if (event instanceof ProgrammeEvent.BudgetAllocated allocated) {
            return allocated.ledgerId();
        }
        if (event instanceof ProgrammeEvent.ExpenditureBooked booked) {
            return booked.ledgerId();
        }
        if (event instanceof ProgrammeEvent.ExpenditureCorrected corrected) {
            return corrected.ledgerId();
        }
        if (event instanceof EmployerEvent.CandidateMetEmployer met) {
            return met.jobFairId();
        }
        if (event instanceof EmployerEvent.JobFairHeld fair) {
            return fair.jobFairId();
        }
        if (event instanceof EmployerEvent.EmployerRegistered employer) {
            return employer.employerId();
        }
        throw new IllegalArgumentException("no stream id known for " + event.getClass().getSimpleName());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }
}
