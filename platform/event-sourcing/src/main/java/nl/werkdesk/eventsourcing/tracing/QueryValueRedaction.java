package nl.werkdesk.eventsourcing.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps personal data out of spans: the HTTP server span records the request's query string ({@code url.query}), and a
 * query value may be a name or a date of birth, so every value is replaced with {@code REDACTED} (the word OpenTelemetry's
 * HTTP conventions use) before any exporter sees the span; the parameter names stay. Paths hold ids only, and request
 * bodies and headers are never recorded. Runs as the span starts, when the HTTP instrumentation has set these attributes.
 */
@ApplicationScoped
public class QueryValueRedaction implements SpanProcessor {

    static final String REDACTED = "REDACTED";
    private static final List<AttributeKey<String>> WITH_QUERY = List.of(
            AttributeKey.stringKey("url.query"), AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.target"), AttributeKey.stringKey("http.url"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : WITH_QUERY) {
            String value = span.getAttribute(key);
            if (value != null && !value.isEmpty()) {
                span.setAttribute(key, redact(key, value));
            }
        }
    }

    /** The attribute with each query parameter's value (or a bare token, which may be a value too) redacted. */
    static String redact(AttributeKey<String> key, String value) {
        if (key.getKey().equals("url.query")) {
            return redactQuery(value);
        }
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query + 1) + redactQuery(value.substring(query + 1));
    }

    static String redactQuery(String query) {
        return Arrays.stream(query.split("&", -1))
                .map(parameter -> parameter.isEmpty() ? parameter
                        : parameter.indexOf('=') < 0 ? REDACTED
                        : parameter.substring(0, parameter.indexOf('=') + 1) + REDACTED)
                .collect(Collectors.joining("&"));
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // Nothing to do at the end: the query attributes are set at the start.
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
