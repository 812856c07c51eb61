package nl.werkdesk.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The broker's bookkeeping, read with the Admin client: end offsets of topics, committed offsets of the services' groups. */
final class Kafka implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;
    private final Admin admin;

    Kafka(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        admin = Admin.create(config);
    }

    /** End offset (the next offset to be written) of every partition of the topics, as "topic-partition". */
    Map<String, Long> endOffsets(List<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicPartition partition : partitions(topics)) {
            request.put(partition, OffsetSpec.latest());
        }
        Map<String, Long> ends = new TreeMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> ends.put(partition.toString(), info.offset()));
        return ends;
    }

    List<TopicPartition> partitions(List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription description : get(admin.describeTopics(topics).allTopicNames()).values()) {
            description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
        }
        return partitions;
    }

    /** The consumer groups of a service (their ids start with its module name). */
    List<String> groupsOf(String module) {
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing group : get(admin.listConsumerGroups().all())) {
            if (group.groupId().startsWith(module + "-")) {
                groups.add(group.groupId());
            }
        }
        return groups;
    }

    Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Sets every committed offset of the group back to the start: the group must have no members (its service is down). */
    void rewindToStart(String group) {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        committed(group).keySet().forEach(partition -> start.put(partition, new OffsetAndMetadata(0)));
        get(admin.alterConsumerGroupOffsets(group, start).all());
    }

    /**
     * Partitions where the group has not yet committed past the last record: the end offset itself is out of reach,
     * since a transactional producer's commit marker takes the last offset and a consumer commits after records only.
     */
    Map<String, String> behind(String group, nl.werkdesk.testing.KafkaTopicReader reader) {
        Map<TopicPartition, Long> committed = committed(group);
        Map<String, String> behind = new TreeMap<>();
        committed.keySet().stream().map(TopicPartition::topic).distinct().forEach(topic -> {
            Map<Integer, Long> afterLast = new HashMap<>();
            reader.readAll(topic).forEach(r -> afterLast.merge(r.partition(), r.offset() + 1, Math::max));
            afterLast.forEach((partition, after) -> {
                long at = committed.getOrDefault(new TopicPartition(topic, partition), 0L);
                if (at < after) {
                    behind.put(topic + "-" + partition, at + " of " + after);
                }
            });
        });
        return behind;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
