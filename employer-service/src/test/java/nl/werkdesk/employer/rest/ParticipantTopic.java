package nl.werkdesk.employer.rest;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays participant-service in the tests: publishes its events onto the real broker as it would (CloudEvents
 * in binary mode, key = participant id, data validated against the contract), and waits until employer-service
 * has taken them in.
 */
final class ParticipantTopic {

    static final Duration TAKEN_IN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private ParticipantTopic() {
    }

    /** A participant registered on that day, known to employer-service when this returns. */
    static UUID registered(LocalDate registeredOn) {
        UUID participantId = UUID.randomUUID();
        registered(participantId, registeredOn);
        return participantId;
    }

    /** This participant registered on that day, known to employer-service when this returns. */
    static void registered(UUID participantId, LocalDate registeredOn) {
        publish(new ParticipantRegistered(participantId, registeredOn, "Willinklaan", registeredOn.minusMonths(7), AsylumTrack.REGULAR,
                WDocumentType.W, registeredOn.plusYears(1), List.of("ar"),
                new WorkEligibility(registeredOn, registeredOn.plusYears(1), "nl-2023-11-29", null)), 1, UUID.randomUUID());
        awaitKnown(participantId, null);
    }

    /** The participant left the pilot on that day (its second event), known to employer-service when this returns. */
    static void left(UUID participantId, LocalDate leftOn) {
        publish(new ParticipantLeftPilot(participantId, LeaveReason.FOUND_WORK_ELSEWHERE, leftOn), 2, UUID.randomUUID());
        awaitKnown(participantId, leftOn);
    }

    /** Publishes one event as participant-service's relay does, with the given event id (ce_id). */
    static void publish(ParticipantEvent event, long sequence, UUID eventId) {
        EventType type = ParticipantEvent.CATALOG.typeOf(event);
        String data;
        try {
            data = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ContractSchemas.assertValid(type, data);
        String subject = event.participantId().toString();
        List<Header> headers = new ArrayList<>();
        Map.of("ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_source", ParticipantEvent.CATALOG.source().toString(),
                "ce_type", type.cloudEventType(),
                "ce_subject", subject,
                "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredOn().atStartOfDay(AMSTERDAM)),
                "ce_dataschema", type.dataSchema().toString(),
                "ce_sequence", String.valueOf(sequence),
                "content-type", "application/json")
                .forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(new ProducerRecord<>(Topics.PARTICIPANTS, null, subject, data, headers));
    }

    static void send(ProducerRecord<String, String> record) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** Waits until employer-service's own list of participants has the participant, with that leaving date. */
    private static void awaitKnown(UUID participantId, LocalDate leftOn) {
        await().atMost(TAKEN_IN).pollInterval(Duration.ofMillis(100))
                .until(() -> known(participantId).map(row -> Objects.equals(row, String.valueOf(leftOn))).orElse(false));
    }

    /** Waits until employer-service has processed (applied or skipped) the event with this id. */
    static void awaitProcessed(UUID eventId) {
        await().atMost(TAKEN_IN).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection connection = PostgresServer.shared().connect("employer");
                 PreparedStatement query = connection.prepareStatement("SELECT 1 FROM processed_events WHERE event_id = ?")) {
                query.setObject(1, eventId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** The participant's leaving date as text ("null" while in the pilot), or empty when unknown. */
    static java.util.Optional<String> known(UUID participantId) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("employer");
             PreparedStatement query = connection.prepareStatement("SELECT left_on FROM pilot_participants WHERE participant_id = ?")) {
            query.setObject(1, participantId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? java.util.Optional.of(String.valueOf(row.getObject("left_on", LocalDate.class))) : java.util.Optional.empty();
            }
        }
    }
}
