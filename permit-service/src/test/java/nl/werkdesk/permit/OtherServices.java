package nl.werkdesk.permit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.employer.EmployerEvent.EmployerRegistered;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the other services' events onto the real broker the way their outbox relays do: binary-mode
 * CloudEvents (ce_* headers, content-type), key = stream id, value = the contract record as JSON, which is
 * checked against its JSON Schema first so that a test never feeds the service what no producer could send.
 */
public final class OtherServices {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");
    static final String POLICY = "nl-2023-11-29";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, String> producer;

    private OtherServices() {
    }

    /** Publishes participant-service's event as version {@code sequence} of the participant's stream; returns its ce_id. */
    public static UUID participant(ParticipantEvent event, long sequence) {
        UUID eventId = UUID.randomUUID();
        publish(ParticipantEvent.CATALOG, event.participantId(), sequence, event, eventId);
        return eventId;
    }

    /** Publishes employer-service's registration of an employer; returns its ce_id. */
    public static UUID employerRegistered(UUID employerId, LocalDate registeredOn) {
        UUID eventId = UUID.randomUUID();
        publish(EmployerEvent.CATALOG, employerId, 1, new EmployerRegistered(employerId, registeredOn, "Bakkerij De Korst", "12345678",
                Sector.PRODUCTION, false, null), eventId);
        return eventId;
    }

    /** A registration with the work eligibility participant-service judged: from null means never. */
    public static ParticipantRegistered registered(UUID participantId, LocalDate registeredOn, LocalDate eligibleFrom,
                                                   LocalDate eligibleUntil) {
        WorkEligibility eligibility = new WorkEligibility(eligibleFrom, eligibleFrom == null ? null : eligibleUntil, POLICY,
                eligibleFrom == null ? "Dublin claimant (W2 document): no access to paid work" : null);
        return new ParticipantRegistered(participantId, registeredOn, "Willinklaan", registeredOn.minusMonths(5), AsylumTrack.REGULAR,
                eligibleFrom == null ? WDocumentType.W2 : WDocumentType.W, eligibleUntil, List.of("ar"), eligibility);
    }

    /** Sends one event with the given ce_id (a redelivery sends the same id again). */
    public static void publish(EventCatalog catalog, UUID streamId, long sequence, IntegrationEvent event, UUID eventId) {
        EventType type = catalog.typeOf(event);
        String json;
        try {
            json = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type.name(), e);
        }
        ContractSchemas.assertValid(type, json);
        Map<String, String> headers = Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_source", catalog.source().toString(),
                "ce_type", type.cloudEventType(),
                "ce_subject", streamId.toString(),
                "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredOn().atStartOfDay(BUSINESS_ZONE)),
                "ce_dataschema", type.dataSchema().toString(),
                "ce_sequence", String.valueOf(sequence),
                "content-type", "application/json");
        ProducerRecord<String, String> record = new ProducerRecord<>(catalog.topic(), streamId.toString(), json);
        headers.forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.name(), e);
        }
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
