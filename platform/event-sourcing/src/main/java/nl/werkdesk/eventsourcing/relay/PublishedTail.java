package nl.werkdesk.eventsourcing.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.werkdesk.eventsourcing.cloudevents.CloudEvent;
import nl.werkdesk.eventsourcing.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The last stored event on each partition of the relay's topic, by the stream (ce_subject) and version (ce_sequence)
 * its CloudEvents carry: after a crash between Kafka's acknowledgement and the checkpoint, or a batch that failed half
 * way, the relay skips what the topic already holds, so that every event appears on Kafka exactly once. The stream
 * and version, not ce_id, because one stored event may be published as several CloudEvents with ids of their own; they
 * all go out in one Kafka transaction, to one partition. Blocking: run it on a worker thread.
 */
final class PublishedTail {

    /** Records read per step back from the end of a partition. */
    static final int WINDOW = 200;

    /** A stored event: the stream it belongs to and its version within it. */
    record StreamVersion(UUID streamId, long version) {
    }

    /**
     * Per partition, the stored events of the own records in the last window that has any, and how many partitions
     * the topic has. Several candidates, not only the last record: a record that carries this service's source but is
     * not one of its events (a poison message, say) must not hide the real last one.
     */
    record Tail(int partitions, Map<Integer, List<StreamVersion>> lastEvents) {

        /** The partition Kafka's default partitioner chooses for a record with this key. */
        int partitionOf(String key) {
            return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        }
    }

    private PublishedTail() {
    }

    static Tail read(Map<String, Object> kafkaConfig, String topic, String source, Duration timeout) {
        Properties properties = new Properties();
        kafkaConfig.forEach((key, value) -> {
            if (value != null) {
                properties.put(key, value);
            }
        });
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "werkdesk-relay-recovery-" + UUID.randomUUID());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<Integer, List<StreamVersion>> last = new HashMap<>();
            for (TopicPartition partition : partitions) {
                List<StreamVersion> own = lastOwnEvents(consumer, partition, ends.get(partition), source, deadline);
                if (!own.isEmpty()) {
                    last.put(partition.partition(), own);
                }
            }
            return new Tail(partitions.size(), last);
        }
    }

    /**
     * The stored events of the records with this relay's CloudEvents source in the last window of the partition that
     * has any, reading back window by window: other records are passed over.
     */
    private static List<StreamVersion> lastOwnEvents(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition,
                                                    long end, String source, long deadline) {
        consumer.assign(List.of(partition));
        long windowEnd = end;
        while (windowEnd > 0) {
            long windowStart = Math.max(0, windowEnd - WINDOW);
            consumer.seek(partition, windowStart);
            List<StreamVersion> found = new java.util.ArrayList<>();
            long position = windowStart;
            while (position < windowEnd) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the end of " + partition + " in time");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < windowEnd) {
                        ownEvent(record, source).ifPresent(found::add);
                    }
                    position = record.offset() + 1;
                }
                position = Math.max(position, consumer.position(partition));
            }
            if (!found.isEmpty()) {
                return found;
            }
            windowEnd = windowStart;
        }
        return List.of();
    }

    private static java.util.Optional<StreamVersion> ownEvent(ConsumerRecord<byte[], byte[]> record, String source) {
        try {
            CloudEvent event = CloudEventCodec.read(record.headers(), null);
            return source.equals(event.source().toString())
                    ? java.util.Optional.of(new StreamVersion(event.subject(), event.sequence()))
                    : java.util.Optional.empty();
        } catch (CloudEventCodec.Unreadable notOurs) {
            return java.util.Optional.empty();
        }
    }
}
