package nl.werkdesk.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector in memory, for tests: an OTLP/HTTP endpoint (protobuf, {@code POST /v1/traces}) on a free
 * loopback port that keeps every span the services export, decoded, with the name of the service that sent it.
 */
final class OtlpCollector implements AutoCloseable {

    /** One exported span: the service (resource service.name), its ids in hex, and every attribute value as text. */
    record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
                         Map<String, String> attributes, List<String> eventValues) {

        String attribute(String key) {
            return attributes.get(key);
        }

        /** Every text the span carries besides its ids: name, attribute values, its events' names and attribute values. */
        List<String> texts() {
            List<String> texts = new ArrayList<>();
            texts.add(name);
            texts.addAll(attributes.values());
            texts.addAll(eventValues);
            return texts;
        }

        @Override
        public String toString() {
            return service + " / " + name + " / " + kind.name().replace("SPAN_KIND_", "") + " / span " + spanId
                    + " parent " + (parentSpanId.isEmpty() ? "none" : parentSpanId);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private final HttpServer server;
    private final List<CollectedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> resourceValues = new CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    static OtlpCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpCollector collector = new OtlpCollector(server);
        server.createContext("/v1/traces", collector::receive);
        server.start();
        return collector;
    }

    /** The base endpoint to configure (quarkus.otel.exporter.otlp.endpoint); the exporter adds /v1/traces. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** The values of the resources that sent spans (service name, host, process): checked like the spans'. */
    List<String> resourceValues() {
        return List.copyOf(resourceValues);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                Resource resource = resourceSpans.getResource();
                Map<String, String> resourceAttributes = attributes(resource.getAttributesList());
                resourceValues.addAll(resourceAttributes.values());
                String service = resourceAttributes.getOrDefault("service.name", "?");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        List<String> eventValues = new ArrayList<>();
                        span.getEventsList().forEach(event -> {
                            eventValues.add(event.getName());
                            eventValues.addAll(attributes(event.getAttributesList()).values());
                        });
                        span.getLinksList().forEach(link -> eventValues.addAll(attributes(link.getAttributesList()).values()));
                        if (!span.getStatus().getMessage().isEmpty()) {
                            eventValues.add(span.getStatus().getMessage());
                        }
                        spans.add(new CollectedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                                HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
                                span.getName(), span.getKind(), attributes(span.getAttributesList()), eventValues));
                    }
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                exchange.getResponseBody().write(response);
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), text(keyValue.getValue())));
        return attributes;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BYTES_VALUE -> value.getBytesValue().toStringUtf8();
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpCollector::text).collect(Collectors.joining(","));
            case KVLIST_VALUE -> value.getKvlistValue().getValuesList().stream()
                    .map(keyValue -> keyValue.getKey() + "=" + text(keyValue.getValue())).collect(Collectors.joining(","));
            default -> "";
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
