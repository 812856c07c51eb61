package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;

/**
 * The promises the suite checks after every fault: what was acknowledged is stored and published exactly once and in
 * order, every consumer applied every event once, and every projection equals a rebuild from the topics.
 */
final class Checks {

    private static final Logger LOG = Logger.getLogger(Checks.class);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(3);

    /** The topics each consuming service reads (its application.properties). */
    static final Map<String, List<String>> CONSUMED = Map.of(
            ReliabilityStack.EMPLOYER, List.of(Topics.PARTICIPANTS),
            ReliabilityStack.PERMIT, List.of(Topics.PARTICIPANTS, Topics.EMPLOYERS),
            ReliabilityStack.PLACEMENT, List.of(Topics.PARTICIPANTS, Topics.EMPLOYERS, Topics.PERMITS),
            ReliabilityStack.REPORTING, Topics.ALL);

    /** The topic each producing service publishes to. */
    static final Map<String, String> PUBLISHED = Map.of(
            ReliabilityStack.PARTICIPANT, Topics.PARTICIPANTS, ReliabilityStack.EMPLOYER, Topics.EMPLOYERS,
            ReliabilityStack.PERMIT, Topics.PERMITS, ReliabilityStack.PLACEMENT, Topics.PLACEMENTS,
            ReliabilityStack.REPORTING, Topics.PROGRAMME);

    private Checks() {
    }

    /**
     * Every command the load got a 2xx for is in participant-service's event store (its stream at the version its ETag
     * said, with the event that command appends) and each of its events is on the topic; no command appended twice.
     */
    static void assertAcknowledgedCommandsStored(ReliabilityStack stack, CommandLoad load) {
        Map<String, String> stored = new HashMap<>();
        Map<UUID, Map<String, Integer>> typesPerStream = new HashMap<>();
        Set<UUID> streams = new HashSet<>();
        load.acks().forEach(a -> streams.add(a.participantId()));
        for (List<String> row : stack.query(ReliabilityStack.PARTICIPANT, "SELECT stream_id, version, type FROM events")) {
            UUID stream = UUID.fromString(row.get(0));
            stored.put(row.get(0) + "@" + row.get(1), row.get(2));
            if (streams.contains(stream)) {
                typesPerStream.computeIfAbsent(stream, s -> new HashMap<>()).merge(row.get(2), 1, Integer::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        for (CommandLoad.Ack ack : load.acks()) {
            String type = stored.get(ack.participantId() + "@" + ack.version());
            if (!ack.command().eventType.equals(type)) {
                missing.add(ack.command() + " of " + ack.participantId() + " acknowledged at version " + ack.version() + ", stored: " + type);
            }
        }
        assertEquals(List.of(), missing, "every acknowledged command is in the event store");
        Map<UUID, Map<String, Integer>> twice = new TreeMap<>();
        typesPerStream.forEach((stream, types) -> {
            int activities = types.getOrDefault("ActivityCompleted", 0);
            if (types.values().stream().anyMatch(n -> n > 1) && !(activities == 2 && types.size() <= 3
                    && types.entrySet().stream().filter(e -> !e.getKey().equals("ActivityCompleted")).allMatch(e -> e.getValue() == 1))) {
                twice.put(stream, types);
            }
        });
        assertEquals(Map.of(), twice, "no command of the load appended its event twice (retries carried the same key)");
    }

    /**
     * Every event in the service's store is on its topic exactly once per event id, nothing is on the topic that the
     * store does not hold, and each stream's events are on it in version order 1, 2, 3 ... Waits for the relay first.
     */
    static void assertPublishedExactlyOnceInOrder(ReliabilityStack stack, String module) {
        String topic = PUBLISHED.get(module);
        Set<String> storedIds = new HashSet<>();
        stack.query(module, "SELECT event_id FROM events").forEach(r -> storedIds.add(r.get(0)));
        KafkaTopicReader reader = stack.topics();
        List<ConsumerRecord<String, String>> records = Await.until("the relay of " + module + " to publish all " + storedIds.size()
                + " stored events", ReliabilityStack.PROPAGATION, () -> {
                    List<ConsumerRecord<String, String>> all = reader.readAll(topic);
                    Set<String> onTopic = new HashSet<>();
                    all.forEach(r -> onTopic.add(KafkaTopicReader.header(r, "ce_id")));
                    return onTopic.containsAll(storedIds) ? all : null;
                });
        Map<String, Integer> perId = new HashMap<>();
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        List<String> strangers = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = KafkaTopicReader.header(record, "ce_id");
            perId.merge(id, 1, Integer::sum);
            if (!storedIds.contains(id)) {
                strangers.add(id + " at " + record.partition() + "@" + record.offset());
            }
            sequences.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Long.parseLong(KafkaTopicReader.header(record, "ce_sequence")));
        }
        Map<String, Integer> duplicates = new TreeMap<>();
        perId.forEach((id, n) -> {
            if (n > 1) {
                duplicates.put(id, n);
            }
        });
        assertEquals(Map.of(), duplicates, topic + ": every event id once");
        assertEquals(List.of(), strangers, topic + ": nothing the event store of " + module + " does not hold");
        Map<String, List<Long>> disordered = new TreeMap<>();
        sequences.forEach((stream, seen) -> {
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i) != i + 1) {
                    disordered.put(stream, seen);
                    break;
                }
            }
        });
        assertEquals(Map.of(), disordered, topic + ": each stream in version order 1, 2, 3 ... without gaps");
        LOG.infof("%s: %d events, each once, %d streams in order", topic, records.size(), sequences.size());
    }

    /**
     * Every consuming service recorded every event published to every topic it reads as processed (in the transaction of its
     * effect): each was applied, and the primary key (consumer, event id) says at most once. Waits for the consumers.
     */
    static void assertEveryEventConsumed(ReliabilityStack stack) {
        // The events the producers stored (poison others put on the topics is no event of theirs).
        Map<String, Set<String>> idsPerTopic = new HashMap<>();
        PUBLISHED.forEach((producer, topic) -> {
            Set<String> ids = new HashSet<>();
            stack.query(producer, "SELECT event_id FROM events").forEach(r -> ids.add(r.get(0)));
            idsPerTopic.put(topic, ids);
        });
        for (Map.Entry<String, List<String>> consumer : CONSUMED.entrySet()) {
            Set<String> expected = new HashSet<>();
            consumer.getValue().forEach(topic -> expected.addAll(idsPerTopic.get(topic)));
            Await.until(consumer.getKey() + " to have applied all " + expected.size() + " events of " + consumer.getValue(),
                    ReliabilityStack.PROPAGATION, () -> {
                        Set<String> processed = new HashSet<>();
                        stack.query(consumer.getKey(), "SELECT DISTINCT event_id FROM processed_events").forEach(r -> processed.add(r.get(0)));
                        Set<String> missing = new HashSet<>(expected);
                        missing.removeAll(processed);
                        return missing.isEmpty() ? Boolean.TRUE : null;
                    });
        }
    }

    /** The ends of the four dead-letter topics: unchanged across a passing fault, which must be retried, never parked. */
    static Map<String, Long> deadLetters(ReliabilityStack stack) {
        try (Kafka kafka = new Kafka(stack.settings.kafkaBootstrap())) {
            return kafka.endOffsets(Topics.CONSUMING_SERVICES.stream().map(Topics::deadLetter).toList());
        }
    }

    /** reporting-service's figures, as finance sees them (no suppression), over every metrics endpoint. */
    static Map<String, JsonNode> metrics(ReliabilityStack stack) {
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        for (String endpoint : List.of("summary", "funnel", "placements-by-sector", "placements-by-location", "monthly", "filters")) {
            for (String query : List.of("", "?asOf=2025-10-16", "?location=Willinklaan")) {
                Http.Reply reply = Http.get(stack.api(ReliabilityStack.REPORTING, "/metrics/" + endpoint + query), stack.bearer("finance"));
                assertEquals(200, reply.status(), endpoint + query + ": " + reply);
                metrics.put(endpoint + query, reply.json());
            }
        }
        return metrics;
    }

    /**
     * Every figure reporting-service shows equals what a rebuild from the beginning of the topics makes: the live
     * projections were applied once per event, whatever faults and duplicates they met. Waits for the consumers first.
     */
    static void assertProjectionsEqualARebuild(ReliabilityStack stack) {
        assertEveryEventConsumed(stack);
        Map<String, JsonNode> live = metrics(stack);
        Http.Reply started = Http.send("POST", stack.api(ReliabilityStack.REPORTING, "/projection-rebuilds"), stack.bearer("operator"),
                "application/json", null, Map.of());
        assertEquals(202, started.status(), "rebuild started: " + started);
        int generation = started.json().path("generation").asInt();
        JsonNode done = Await.until("rebuild " + generation + " to complete and go live", REBUILD_TIMEOUT, () -> {
            JsonNode rebuild = Http.get(stack.api(ReliabilityStack.REPORTING, "/projection-rebuilds/" + generation), stack.bearer("operator")).json();
            if ("failed".equals(rebuild.path("status").asText())) {
                throw new AssertionError("rebuild " + generation + " failed: " + rebuild);
            }
            return "completed".equals(rebuild.path("status").asText()) && rebuild.path("live").asBoolean() ? rebuild : null;
        });
        Map<String, JsonNode> rebuilt = metrics(stack);
        assertEquals(live, rebuilt, "every figure equals the rebuild from the topics (generation " + generation + ")");
        assertTrue(done.path("eventsApplied").asLong() > 0, "the rebuild read events: " + done);
        LOG.infof("rebuild %d: %s events applied, %s skipped; %d figures equal", generation, done.path("eventsApplied"),
                done.path("eventsSkipped"), live.size());
    }
}
