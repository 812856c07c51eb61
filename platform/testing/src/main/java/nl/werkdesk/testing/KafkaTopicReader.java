package nl.werkdesk.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic, from the beginning, with a plain consumer: every call assigns all partitions and
 * seeks to the start, without a consumer group, so it neither joins nor disturbs the service's groups and sees
 * the same records every time. Records come back ordered by partition, then offset (one stream id is one key,
 * so one partition: its events stay in order).
 */
public final class KafkaTopicReader {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration READ_ALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int RECORDS_SHOWN_ON_FAILURE = 20;
    private static final int VALUE_CHARS_SHOWN = 300;

    private final String bootstrapServers;

    /** A reader of the shared test broker ({@link KafkaBroker#shared()}). */
    public KafkaTopicReader() {
        this(KafkaBroker.shared().bootstrapServers());
    }

    public KafkaTopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        // Every read opens a consumer, and each one logs its whole configuration at INFO.
        QuietLogging.warnOnly(QuietLogging.KAFKA);
    }

    /** Everything on the topic up to its end offsets at the time of the call; empty if the topic does not exist. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_ALL_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, endOffsets)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read topic " + topic + " up to offsets " + endOffsets
                            + " within " + READ_ALL_TIMEOUT + "; read " + describe(records));
                }
                consumer.poll(POLL_TIMEOUT).forEach(record -> {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < endOffsets.get(partition)) {
                        records.add(record);
                    }
                });
            }
            return sorted(records);
        }
    }

    /**
     * Polls the topic from the beginning until at least {@code count} records match, and returns all matching
     * records read by then. Fails with an {@link AssertionError} that lists what was on the topic if they do
     * not arrive within {@code timeout}.
     */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = List.of();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    // The topic may appear only when the service first publishes to it.
                    partitions = partitions(consumer, topic);
                    if (partitions.isEmpty()) {
                        Ports.sleep(POLL_TIMEOUT);
                        continue;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                    seen.add(record);
                    if (match.test(record)) {
                        matching.add(record);
                    }
                }
                if (matching.size() >= count) {
                    return sorted(matching);
                }
            }
        }
        throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within " + timeout
                + " but found " + matching.size() + "; the topic held " + describe(seen));
    }

    /** The value of the last header with this name as UTF-8 text, or null if the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "werkdesk-topic-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // What the services' consumers see: events of committed relay transactions only.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Reading must never create a topic that a test then wrongly finds empty rather than missing.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static List<ConsumerRecord<String, String>> sorted(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> copy = new ArrayList<>(records);
        copy.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return List.copyOf(copy);
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return "no records";
        }
        String shown = sorted(records).stream()
                .limit(RECORDS_SHOWN_ON_FAILURE)
                .map(KafkaTopicReader::describe)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        String more = records.size() > RECORDS_SHOWN_ON_FAILURE
                ? "\n  ... and " + (records.size() - RECORDS_SHOWN_ON_FAILURE) + " more"
                : "";
        return records.size() + " record(s):" + shown + more;
    }

    private static String describe(ConsumerRecord<String, String> record) {
        String headers = StreamSupport.stream(record.headers().spliterator(), false)
                .map(h -> h.key() + "=" + (h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining(", ", "{", "}"));
        String value = record.value();
        if (value != null && value.length() > VALUE_CHARS_SHOWN) {
            value = value.substring(0, VALUE_CHARS_SHOWN) + "...";
        }
        return "p" + record.partition() + "@" + record.offset() + " key=" + record.key() + " headers=" + headers
                + " value=" + value;
    }
}
