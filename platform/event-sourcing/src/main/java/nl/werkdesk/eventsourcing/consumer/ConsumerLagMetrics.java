package nl.werkdesk.eventsourcing.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumer lag and dead letters, measured from the broker as an operator would (committed offsets against end offsets),
 * for every incoming Kafka channel of the service: {@code werkdesk_consumer_lag_records{group,topic}} and
 * {@code werkdesk_consumer_dead_letters{topic}} (records in the service's dead-letter topics). Every replica reports
 * the same figures for its groups; dashboards take the max. Until the first measurement the gauges read NaN. A group
 * that read everything may show one record per partition: a transaction's commit marker takes an offset.
 */
@Startup
@ApplicationScoped
public class ConsumerLagMetrics {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMetrics.class);
    private static final String PREFIX = "mp.messaging.incoming.";

    /** An incoming channel's consumer group and topic. */
    record Group(String group, String topic) {
    }

    private final Map<Group, AtomicReference<Double>> lag = new TreeMap<>(
            java.util.Comparator.comparing(Group::group).thenComparing(Group::topic));
    private final Map<String, AtomicReference<Double>> deadLetters = new TreeMap<>();
    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private volatile Admin admin;

    ConsumerLagMetrics(Config config, MeterRegistry metrics, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "werkdesk.metrics.consumer-lag-timeout") Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
        for (Group group : groups(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class).orElse(null))) {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            lag.put(group, value);
            Gauge.builder("werkdesk.consumer.lag.records", value, AtomicReference::get).tags("group", group.group(), "topic", group.topic())
                    .description("Records on the topic not yet committed by the consumer group").register(metrics);
        }
        for (String topic : deadLetterTopics(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class).orElse(null))) {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            deadLetters.put(topic, value);
            Gauge.builder("werkdesk.consumer.dead.letters", value, AtomicReference::get).tags("topic", topic)
                    .description("Records in the dead-letter topic").register(metrics);
        }
    }

    /** The Kafka channels' groups: {@code mp.messaging.incoming.<channel>.group.id} and its topic (the channel's name if unset). */
    static Set<Group> groups(Iterable<String> propertyNames, Function<String, String> value) {
        Set<Group> groups = new TreeSet<>(java.util.Comparator.comparing(Group::group).thenComparing(Group::topic));
        for (String channel : kafkaChannels(propertyNames, value)) {
            String group = value.apply(PREFIX + channel + ".group.id");
            if (group != null) {
                String topic = value.apply(PREFIX + channel + ".topic");
                groups.add(new Group(group, topic == null ? channel : topic));
            }
        }
        return groups;
    }

    /** The dead-letter topics of the Kafka channels: {@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}. */
    static Set<String> deadLetterTopics(Iterable<String> propertyNames, Function<String, String> value) {
        Set<String> topics = new TreeSet<>();
        for (String channel : kafkaChannels(propertyNames, value)) {
            String topic = value.apply(PREFIX + channel + ".dead-letter-queue.topic");
            if (topic != null) {
                topics.add(topic);
            }
        }
        return topics;
    }

    private static Set<String> kafkaChannels(Iterable<String> propertyNames, Function<String, String> value) {
        Set<String> channels = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith(PREFIX) && name.endsWith(".connector") && "smallrye-kafka".equals(value.apply(name))) {
                channels.add(name.substring(PREFIX.length(), name.length() - ".connector".length()));
            }
        }
        return channels;
    }

    @Scheduled(every = "${werkdesk.metrics.consumer-lag-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        if (lag.isEmpty() && deadLetters.isEmpty()) {
            return;
        }
        try {
            Admin client = admin();
            Map<Group, Long> groupLag = new HashMap<>();
            for (Group group : lag.keySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group.group())
                        .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long sum = 0;
                for (Map.Entry<TopicPartition, Range> partition : offsets(client, group.topic()).entrySet()) {
                    OffsetAndMetadata at = committed.get(partition.getKey());
                    long from = at == null ? partition.getValue().earliest() : at.offset();
                    sum += Math.max(0, partition.getValue().end() - from);
                }
                groupLag.put(group, sum);
            }
            Map<String, Long> parked = new HashMap<>();
            for (String topic : deadLetters.keySet()) {
                parked.put(topic, offsets(client, topic).values().stream().mapToLong(r -> r.end() - r.earliest()).sum());
            }
            lag.forEach((group, value) -> value.set(groupLag.get(group).doubleValue()));
            deadLetters.forEach((topic, value) -> value.set(parked.get(topic).doubleValue()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker away: the last figures stay; Kafka's health check already reports the outage.
            LOG.debugf("consumer lag not measured: %s", e);
        }
    }

    private record Range(long earliest, long end) {
    }

    /** Earliest and end offset of each partition of the topic. */
    private Map<TopicPartition, Range> offsets(Admin client, String topic) throws Exception {
        Collection<TopicPartition> partitions = client.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = client.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = client.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Range> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, new Range(earliest.get(p).offset(), latest.get(p).offset())));
        return offsets;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "werkdesk-consumer-lag");
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Admin client = admin;
        if (client != null) {
            client.close(timeout);
        }
    }
}
