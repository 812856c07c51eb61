package nl.werkdesk.eventsourcing.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;

/**
 * The spans of an event's way over Kafka, named and described after OpenTelemetry's messaging conventions: the relay's
 * PRODUCER span per record, a child of the context the event was appended in, and a consumer's CONSUMER span per record
 * it applies, a child of the record's {@code traceparent}. Attributes are ids and names only: never the data.
 */
@ApplicationScoped
public class MessagingSpans {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    /** The kernel's name of the consuming view (IdempotentConsumer's consumer), not Kafka's group id. */
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("werkdesk.consumer");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private final Tracer tracer;

    MessagingSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The relay's span for publishing one CloudEvent, in the trace of the command that appended its stored event. */
    public Span startPublish(String topic, UUID id, String cloudEventType, TraceContext appendedIn) {
        return tracer.spanBuilder("publish " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(appendedIn.asParent())
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "publish")
                .setAttribute(MESSAGE_ID, id.toString())
                .setAttribute(EVENT_TYPE, cloudEventType)
                .startSpan();
    }

    /** A consumer's span for applying one record, a child of the relay's publish span that the record names. */
    public Span startProcess(String topic, String consumer, CloudEvent event) {
        return tracer.spanBuilder("process " + topic)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(event.trace().asParent())
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER, consumer)
                .setAttribute(MESSAGE_ID, event.id().toString())
                .setAttribute(EVENT_TYPE, event.type())
                .startSpan();
    }

    /** Ends a span, marked as failed when there was a failure (its class only: a message may hold a value). */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }
}
