package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaBroker;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox at work: with the broker away, caseworkers keep working; afterwards every event arrives once, in order. */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void commandsSucceedWhileKafkaIsDownAndEveryEventIsPublishedOnceInOrderAfterwards() {
        KafkaBroker kafka = KafkaBroker.shared();
        assumeFalse(kafka.isExternal(), "needs the embedded broker, which it stops and starts");
        UUID id;
        kafka.stop();
        try {
            id = Api.register("Willinklaan");
            post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
            post(id, "activities", Map.of("activity", "application-training", "completedOn", "2025-02-12")).then().statusCode(200);
            sleepPast(Duration.ofSeconds(7));
        } finally {
            kafka.start();
        }
        KafkaTopicReader topic = new KafkaTopicReader();
        List<ConsumerRecord<String, String>> records = topic.await(Topics.PARTICIPANTS, r -> r.key().equals(id.toString()), 3, Duration.ofSeconds(60));
        assertEquals(List.of("1", "2", "3"), records.stream().map(r -> KafkaTopicReader.header(r, "ce_sequence")).toList());
        List<ConsumerRecord<String, String>> all = topic.readAll(Topics.PARTICIPANTS).stream().filter(r -> r.key().equals(id.toString())).toList();
        assertEquals(3, all.size());
        assertEquals(3, new HashSet<>(all.stream().map(r -> KafkaTopicReader.header(r, "ce_id")).toList()).size());
    }

    /** Longer than the producer's delivery timeout, so that the relay really fails and retries. */
    private static void sleepPast(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
