package nl.werkdesk.eventsourcing.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A W3C trace context as text ({@code traceparent}, {@code tracestate}), the form in which it is stored in an event's
 * metadata and travels as CloudEvents distributed-tracing headers; {@link #NONE} when there is none.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The current span's context (the command's server span, a consumer's span), or {@link #NONE}. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The context of the span in {@code context}, or {@link #NONE} when it holds no valid span. */
    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return NONE;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** An OpenTelemetry context whose (remote) parent span is this one; the root context for {@link #NONE}. */
    public Context asParent() {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), this, Getter.INSTANCE);
    }

    private enum Getter implements TextMapGetter<TraceContext> {
        INSTANCE;

        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case TRACEPARENT -> carrier.traceparent();
                case TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    }
}
