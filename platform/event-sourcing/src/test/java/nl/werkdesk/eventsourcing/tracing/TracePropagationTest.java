package nl.werkdesk.eventsourcing.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
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
 * A command's W3C trace context goes into its event's metadata, from there onto the Kafka record (the relay's publish
 * span), and into the consumer's span, which is current while the consumer applies the event: one trace from the
 * request to the consumer, each span the parent of the next.
 */
@QuarkusTest
class TracePropagationTest {

    static final Duration ARRIVES = Duration.ofSeconds(30);
    static final String TRACESTATE = "werkdesk=t61rcWkgMzE";

    @Inject
    CommandHandler handler;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;
    @Inject
    InMemorySpanExporter exporter;

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void carriesTheCommandsTraceIntoItsEventThroughTheRelayIntoTheConsumer() {
        Counters counters = new Counters(handler, aggregate);
        UUID id = counters.open();
        CounterResource.LIMITS.put(id, 100);
        String traceId = randomHex(32);
        String callerSpanId = randomHex(16);

        given().header("Authorization", TestTokens.bearer("caseworker"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header("tracestate", TRACESTATE)
                .contentType("application/json").body("{\"by\": 3}")
                .post("/api/v1/counters/{id}/increments", id)
                .then().statusCode(200);

        SpanData server = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId));
        assertEquals(callerSpanId, server.getParentSpanId());
        assertEquals("POST /api/v1/counters/{counterId}/increments", server.getName());

        // The event records the server span's context, with the caller's trace state.
        EventMetadata metadata = counters.history(id).get(1).metadata();
        assertEquals("00-" + traceId + "-" + server.getSpanId() + "-01", metadata.traceparent());
        assertEquals(TRACESTATE, metadata.tracestate());

        // The relay's publish span is a child of that context, and the record names it.
        SpanData publish = awaitSpan(span -> span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(traceId));
        assertEquals(server.getSpanId(), publish.getParentSpanId());
        assertEquals("publish " + SampleEvent.TOPIC, publish.getName());
        ConsumerRecord<String, String> record = topic.await(SampleEvent.TOPIC,
                r -> r.key().equals(id.toString()) && "2".equals(KafkaTopicReader.header(r, "ce_sequence")), 1, ARRIVES).get(0);
        assertEquals("00-" + traceId + "-" + publish.getSpanId() + "-01", KafkaTopicReader.header(record, "traceparent"));
        assertEquals(TRACESTATE, KafkaTopicReader.header(record, "tracestate"));

        // The consumer's span is a child of the publish span, and current while the effect runs (after its own database
        // round trip): what the effect appends would carry the consumer's span on.
        SpanData consume = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId));
        assertEquals(publish.getSpanId(), consume.getParentSpanId());
        assertEquals("process " + SampleEvent.TOPIC, consume.getName());
        assertEquals("sample-totals", consume.getAttributes().get(MessagingSpans.CONSUMER));
        EventMetadata causedByConsumer = Awaitility.await().atMost(ARRIVES).until(
                () -> SampleModule.CAUSED_BY_CONSUMER.get(id), java.util.Objects::nonNull);
        assertEquals("00-" + traceId + "-" + consume.getSpanId() + "-01", causedByConsumer.traceparent());
    }

    @Test
    void publishesAnEventAppendedOutsideAnyTraceInATraceOfItsOwn() {
        Counters counters = new Counters(handler, aggregate);
        UUID id = counters.open();
        EventMetadata metadata = counters.history(id).get(0).metadata();
        assertEquals(null, metadata.traceparent());

        ConsumerRecord<String, String> record = topic.await(SampleEvent.TOPIC, r -> r.key().equals(id.toString()), 1, ARRIVES).get(0);
        String traceparent = KafkaTopicReader.header(record, "traceparent");
        assertNotNull(traceparent);
        String traceId = traceparent.split("-")[1];
        SpanData publish = awaitSpan(span -> span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(traceId));
        assertEquals(false, publish.getParentSpanContext().isValid());
        assertEquals(traceparent.split("-")[2], publish.getSpanId());
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        return Awaitility.await().atMost(ARRIVES).until(() -> find(wanted), Optional::isPresent).orElseThrow();
    }

    private Optional<SpanData> find(Predicate<SpanData> wanted) {
        List<SpanData> spans = exporter.getFinishedSpanItems();
        return spans.stream().filter(wanted).findFirst();
    }

    private static String randomHex(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }
}
