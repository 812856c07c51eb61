package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.werkdesk.local.OtlpCollector.CollectedSpan;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * One trace from a command to another service's consumer, across real processes: participant-service and
 * reporting-service run as ./werkdesk runs them (their own JVMs, the local Kafka and PostgreSQL), exporting every span
 * over OTLP/HTTP to a collector in this test's memory. A POST /api/v1/participants must give one trace that holds its
 * server span, the relay's publish span (a child of it: the context stored with the event) and reporting-service's
 * consumer span (a child of the publish span: the record's traceparent). And no span may carry the participant's name,
 * date of birth or V-number, whatever the request put where.
 */
class TracesAcrossServicesTest {

    private static final Logger LOG = Logger.getLogger(TracesAcrossServicesTest.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();
    private static final Duration ARRIVES = Duration.ofSeconds(60);
    private static final String TOPIC = "werkdesk.participants.v1";

    private static final String FULL_NAME = "Rahwa Tesfamariam Gebremedhin";
    private static final String DATE_OF_BIRTH = "1991-08-23";
    private static final String MALFORMED_DATE_OF_BIRTH = "1991-13-45";

    @Test
    void oneTraceLinksARegistrationToTheRelaysPublishAndReportingsConsumerAndNoSpanHoldsPersonalData() throws Exception {
        String vNumber = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        try (OtlpCollector collector = OtlpCollector.start()) {
            Path home = Files.createTempDirectory(Files.createDirectories(ROOT.resolve("deploy/local/target")), "traces-");
            List<String> options = new ArrayList<>(List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
            options.add("-Dquarkus.otel.traces.sampler.arg=1.0");
            options.add("-Dquarkus.otel.exporter.otlp.endpoint=" + collector.endpoint());
            options.add("-Dquarkus.otel.bsp.schedule.delay=PT0.2S");
            Settings all = Settings.onFreePorts(ROOT, home, options);
            // Only the two services the trace crosses.
            Settings settings = new Settings(all.root(), all.home(), all.kafkaPort(), all.postgresPort(),
                    all.services().stream().filter(s -> s.shortName().equals("participant") || s.shortName().equals("reporting")).toList(),
                    all.serviceJavaOptions(), false);
            Settings.Service participants = settings.services().get(0);
            Stack stack = Stack.start(settings, false, LOG::info);
            try {
                String token = DevKeys.in(settings.keys()).token("caseworker");

                // A registration in a trace the test starts, so that the test knows its id.
                String traceId = hex(32);
                String callerSpanId = hex(16);
                HttpResponse<String> registered = send(participants, "POST", "/api/v1/participants", token,
                        traceparent(traceId, callerSpanId), registration(FULL_NAME, DATE_OF_BIRTH, vNumber));
                assertEquals(201, registered.statusCode(), registered.body());

                // Personal values in a query (the list takes no such filter, but a client may send anything) and in a
                // refused body (a date of birth that is no date, which the JSON reader names in its own error).
                String listTrace = hex(32);
                HttpResponse<String> listed = send(participants, "GET", "/api/v1/participants?name=" + encode(FULL_NAME)
                        + "&dateOfBirth=" + DATE_OF_BIRTH + "&vNumber=" + vNumber, token, traceparent(listTrace, hex(16)), null);
                String refusedTrace = hex(32);
                HttpResponse<String> refused = send(participants, "POST", "/api/v1/participants", token,
                        traceparent(refusedTrace, hex(16)), registration(FULL_NAME, MALFORMED_DATE_OF_BIRTH, vNumber));
                assertEquals(400, refused.statusCode(), refused.body());

                CollectedSpan server = await(collector, span -> span.traceId().equals(traceId) && span.kind() == SpanKind.SPAN_KIND_SERVER);
                CollectedSpan publish = await(collector, span -> span.traceId().equals(traceId) && span.kind() == SpanKind.SPAN_KIND_PRODUCER);
                CollectedSpan consume = await(collector, span -> span.traceId().equals(traceId) && span.kind() == SpanKind.SPAN_KIND_CONSUMER);
                CollectedSpan listSpan = await(collector, span -> span.traceId().equals(listTrace) && span.kind() == SpanKind.SPAN_KIND_SERVER);
                await(collector, span -> span.traceId().equals(refusedTrace) && span.kind() == SpanKind.SPAN_KIND_SERVER);

                List<CollectedSpan> trace = collector.trace(traceId);
                LOG.infof("the trace of one registration (service / span / kind / ids):%n  %s",
                        trace.stream().map(CollectedSpan::toString).collect(Collectors.joining("\n  ")));

                assertEquals("participant-service", server.service());
                assertEquals("POST /api/v1/participants", server.name());
                assertEquals(callerSpanId, server.parentSpanId());
                assertEquals("201", server.attribute("http.response.status_code"));

                assertEquals("participant-service", publish.service());
                assertEquals("publish " + TOPIC, publish.name());
                assertEquals(server.spanId(), publish.parentSpanId(), "the publish span's parent is the context stored with the event");

                assertEquals("reporting-service", consume.service());
                assertEquals("process " + TOPIC, consume.name());
                assertEquals(publish.spanId(), consume.parentSpanId(), "the consumer span's parent is the record's traceparent");
                assertEquals(publish.attribute("messaging.message.id"), consume.attribute("messaging.message.id"));
                assertEquals("reporting-participants", consume.attribute("werkdesk.consumer"));
                // Every span of the trace hangs off the caller's span through its parents: nothing unlinked.
                List<String> ids = new ArrayList<>(trace.stream().map(CollectedSpan::spanId).toList());
                ids.add(callerSpanId);
                trace.forEach(span -> assertTrue(ids.contains(span.parentSpanId()), "unlinked span " + span));

                // The query string was recorded, its values redacted; no span or resource holds a personal value.
                assertEquals("name=REDACTED&dateOfBirth=REDACTED&vNumber=REDACTED", listSpan.attribute("url.query"), listed.body());
                List<String> personal = List.of(FULL_NAME, encode(FULL_NAME), "Rahwa", "Gebremedhin", DATE_OF_BIRTH,
                        MALFORMED_DATE_OF_BIRTH, vNumber);
                List<String> leaks = new ArrayList<>();
                for (CollectedSpan span : collector.spans()) {
                    span.texts().stream().filter(text -> personal.stream().anyMatch(text::contains))
                            .forEach(text -> leaks.add(span + ": " + text));
                }
                collector.resourceValues().stream().filter(text -> personal.stream().anyMatch(text::contains)).forEach(leaks::add);
                LOG.infof("%d spans checked for personal data", collector.spans().size());
                assertFalse(collector.spans().isEmpty());
                assertEquals(List.of(), leaks, "span attributes with personal data");
            } finally {
                stack.stop();
            }
        }
    }

    private static CollectedSpan await(OtlpCollector collector, Predicate<CollectedSpan> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (System.nanoTime() < deadline) {
            for (CollectedSpan span : collector.spans()) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such span within " + ARRIVES + "; collected: " + collector.spans());
    }

    private static HttpResponse<String> send(Settings.Service service, String method, String path, String token, String traceparent,
                                             Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.uri() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("traceparent", traceparent);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> registration(String fullName, String dateOfBirth, String vNumber) {
        return Map.of(
                "registeredOn", "2025-02-03",
                "location", "Willinklaan",
                "asylumApplicationDate", "2024-09-15",
                "asylumTrack", "regular",
                "wDocumentType", "W",
                "wDocumentValidUntil", "2026-03-01",
                "languages", List.of("ti", "en"),
                "personalData", Map.of("fullName", fullName, "dateOfBirth", dateOfBirth, "nationality", "ERI", "vNumber", vNumber));
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String hex(int length) {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
