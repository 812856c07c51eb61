package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.test.junit.QuarkusTest;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * The participants of the pilot come from participant-service's topic: what employer-service takes in decides
 * whom a vacancy can be filled by, an event delivered twice counts once, and what it cannot read is parked.
 */
@QuarkusTest
class ParticipantConsumerTest {

    static final String DEAD_LETTERS = Topics.deadLetter("employer-service");

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void aParticipantWhoLeftThePilotCannotFillAVacancyAfterwards() {
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 1, 10));
        ParticipantTopic.left(participant, LocalDate.of(2025, 3, 31));
        UUID employer = Api.registerEmployer("production");
        UUID late = Api.openVacancy(employer, "production");
        BadInputTest.refusedOn(post(VACANCIES + "/" + late + "/filling",
                Map.of("filledOn", "2025-04-01", "participantId", participant.toString())).then(), "participantId", "participant-left-pilot");
        post(VACANCIES + "/" + late + "/filling", Map.of("filledOn", "2025-03-31", "participantId", participant.toString()))
                .then().statusCode(200);
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() throws Exception {
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 1, 10));
        UUID firstLeaving = UUID.randomUUID();
        ParticipantTopic.publish(new ParticipantLeftPilot(participant, LeaveReason.DEPARTED, LocalDate.of(2025, 3, 1)), 2, firstLeaving);
        ParticipantTopic.awaitProcessed(firstLeaving);
        ParticipantTopic.left(participant, LocalDate.of(2025, 4, 1));
        ParticipantTopic.publish(new ParticipantLeftPilot(participant, LeaveReason.DEPARTED, LocalDate.of(2025, 3, 1)), 2, firstLeaving);
        UUID after = UUID.randomUUID();
        ParticipantTopic.publish(new ParticipantPersonalDataErased(participant, LocalDate.of(2025, 4, 2)), 4, after);
        ParticipantTopic.awaitProcessed(after);
        assertEquals("2025-04-01", ParticipantTopic.known(participant).orElseThrow(),
                "the redelivered event was skipped, so it did not undo the later one");
        assertTrue(topic.readAll(DEAD_LETTERS).stream().noneMatch(r -> participant.toString().equals(r.key())), "nothing parked");
    }

    @Test
    void parksAMessageItCannotReadOnTheDeadLetterTopicWithTheReasonAndGoesOn() {
        String key = UUID.randomUUID().toString();
        ParticipantTopic.send(new ProducerRecord<>(Topics.PARTICIPANTS, null, key, "{\"participantId\": 42", List.of(
                header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
                header("ce_source", "urn:nld:werkdesk:participant-service"), header("ce_type", "nl.werkdesk.participant.participant-registered"),
                header("ce_subject", key), header("content-type", "application/json"))));
        ConsumerRecord<String, String> parked = topic.await(DEAD_LETTERS, r -> key.equals(r.key()), 1, ParticipantTopic.TAKEN_IN).get(0);
        // Parked on purpose, naming the type the data is not (the reason itself is a sentence for the operator).
        assertEquals(PoisonMessage.class.getName(), KafkaTopicReader.header(parked, "dead-letter-exception-class-name"));
        String reason = KafkaTopicReader.header(parked, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("ParticipantRegistered"), String.valueOf(reason));
        assertEquals(Topics.PARTICIPANTS, KafkaTopicReader.header(parked, "dead-letter-topic"));
        ParticipantTopic.registered(LocalDate.of(2025, 1, 10));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
