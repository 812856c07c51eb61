package nl.werkdesk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Grows the integration topics to a size no REST run reaches in a session: every event the services published is
 * written again, once per copy, with every UUID in its key, headers and data replaced by another one of that copy.
 * A copy is thus a second, consistent pilot (its own participants, employers, permits, placements and bookings), and
 * the projections, which are a function of the set of events, take it like real history.
 */
final class TopicCopies {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private TopicCopies() {
    }

    /** Records on the topics now (committed ones). */
    static Map<String, List<ConsumerRecord<byte[], byte[]>>> readAll(String bootstrap, List<String> topics) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> all = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
                long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + topic + " within " + READ_TIMEOUT);
                    }
                    consumer.poll(POLL).forEach(records::add);
                }
                all.put(topic, records);
            }
        }
        return all;
    }

    /** Writes {@code copies} copies of these records; returns how many records it wrote. */
    static long write(String bootstrap, Map<String, List<ConsumerRecord<byte[], byte[]>>> originals, int copies) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        long written = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int copy = 1; copy <= copies; copy++) {
                Map<String, String> ids = new HashMap<>();
                String salt = "werkdesk-bench-copy-" + copy + "-";
                for (Map.Entry<String, List<ConsumerRecord<byte[], byte[]>>> topic : originals.entrySet()) {
                    for (ConsumerRecord<byte[], byte[]> record : topic.getValue()) {
                        List<Header> headers = new ArrayList<>();
                        for (Header header : record.headers()) {
                            headers.add(new RecordHeader(header.key(), remap(header.value(), ids, salt)));
                        }
                        producer.send(new ProducerRecord<>(topic.getKey(), null, remap(record.key(), ids, salt),
                                remap(record.value(), ids, salt), headers));
                        written++;
                    }
                }
            }
            producer.flush();
        }
        return written;
    }

    private static byte[] remap(byte[] bytes, Map<String, String> ids, String salt) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher matcher = UUID_TEXT.matcher(text);
        if (!matcher.find()) {
            return bytes;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String id = matcher.group();
            matcher.appendReplacement(out, ids.computeIfAbsent(id,
                    original -> UUID.nameUUIDFromBytes((salt + original).getBytes(StandardCharsets.UTF_8)).toString()));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
