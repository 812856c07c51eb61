package nl.werkdesk.eventsourcing.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.werkdesk.eventsourcing.Counters;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.CounterResource;
import nl.werkdesk.eventsourcing.sample.SampleEvent;
import nl.werkdesk.eventsourcing.sample.SampleModule;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With the kernel's default sampler ratio (0.0) no span reaches an exporter, even for a caller whose traceparent says
 * sampled, while the trace context still travels: into the event's metadata, onto the record, into the consumer.
 */
@QuarkusTest
@TestProfile(TracesOffByDefaultTest.KernelDefault.class)
class TracesOffByDefaultTest {

    public static class KernelDefault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The kernel's default, which the test application's properties raise to 1.0 for the other tests.
            return Map.of("quarkus.otel.traces.sampler.arg", "0.0");
        }
    }

    static final Duration ARRIVES = Duration.ofSeconds(30);

    @Inject
    CommandHandler handler;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;
    @Inject
    InMemorySpanExporter exporter;

    @Test
    void exportsNoSpanButCarriesTheTraceIdFromTheCommandToTheConsumer() {
        Counters counters = new Counters(handler, aggregate);
        UUID id = counters.open();
        CounterResource.LIMITS.put(id, 100);
        String traceId = UUID.randomUUID().toString().replace("-", "");

        given().header("Authorization", TestTokens.bearer("caseworker"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType("application/json").body("{\"by\": 2}")
                .post("/api/v1/counters/{id}/increments", id)
                .then().statusCode(200);

        EventMetadata metadata = counters.history(id).get(1).metadata();
        assertTrue(metadata.traceparent().matches("00-" + traceId + "-[0-9a-f]{16}-00"), metadata.traceparent());
        ConsumerRecord<String, String> record = new KafkaTopicReader().await(SampleEvent.TOPIC,
                r -> r.key().equals(id.toString()) && "2".equals(KafkaTopicReader.header(r, "ce_sequence")), 1, ARRIVES).get(0);
        assertTrue(KafkaTopicReader.header(record, "traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-00"));
        EventMetadata causedByConsumer = Awaitility.await().atMost(ARRIVES).until(() -> SampleModule.CAUSED_BY_CONSUMER.get(id), Objects::nonNull);
        assertTrue(causedByConsumer.traceparent().startsWith("00-" + traceId + "-"), causedByConsumer.traceparent());

        assertEquals(0, exporter.getFinishedSpanItems().size(), exporter.getFinishedSpanItems().toString());
    }
}
