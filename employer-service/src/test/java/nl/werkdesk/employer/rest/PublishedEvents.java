package nl.werkdesk.employer.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What every event employer-service publishes must look like on werkdesk.employers.v1. */
final class PublishedEvents {

    private PublishedEvents() {
    }

    /** A binary-mode CloudEvent of this type, subject and sequence, at the start of its business day, valid by its schema. */
    static void assertCloudEvent(ConsumerRecord<String, String> record, String subject, String type, int sequence, String time) {
        assertEquals(subject, record.key(), "key = stream id");
        assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"));
        assertEquals("urn:nld:werkdesk:employer-service", KafkaTopicReader.header(record, "ce_source"));
        assertEquals("nl.werkdesk.employer." + type, KafkaTopicReader.header(record, "ce_type"));
        assertEquals(subject, KafkaTopicReader.header(record, "ce_subject"));
        assertEquals(String.valueOf(sequence), KafkaTopicReader.header(record, "ce_sequence"));
        assertEquals(time, KafkaTopicReader.header(record, "ce_time"), "business date, Amsterdam time");
        assertEquals("application/json", KafkaTopicReader.header(record, "content-type"));
        UUID.fromString(KafkaTopicReader.header(record, "ce_id"));
        ContractSchemas.assertValid(EmployerEvent.CATALOG, record);
    }
}
