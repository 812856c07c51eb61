package nl.werkdesk.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/** Topic creation and readiness checks through the Kafka Admin client. */
final class KafkaAdmin {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(60);

    private KafkaAdmin() {
    }

    /** Creates the missing topics (existing ones stay as they are) and waits until every partition has a leader. */
    static void createTopics(String bootstrapServers, Collection<String> names, int partitions) {
        Set<String> wanted = Set.copyOf(names);
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = allTopics(admin);
            List<NewTopic> missing = wanted.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().values().forEach(KafkaAdmin::awaitCreation);
            }
            long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
            while (!allPartitionsLed(admin, wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics " + wanted + " on " + bootstrapServers
                            + " have partitions without a leader after " + LEADERS_TIMEOUT);
                }
                Ports.sleep(POLL_INTERVAL);
            }
        }
    }

    /**
     * Waits until the broker answers and every partition of every topic, internal ones included, has a leader:
     * after a restart, leaders are elected again only once the broker has registered.
     */
    static void awaitReady(String bootstrapServers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastProblem = null;
        try (Admin admin = admin(bootstrapServers)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!get(admin.describeCluster().nodes()).isEmpty() && allPartitionsLed(admin, allTopics(admin))) {
                        return;
                    }
                } catch (IllegalStateException e) {
                    lastProblem = e;
                }
                Ports.sleep(POLL_INTERVAL);
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers + " not ready within " + timeout,
                lastProblem);
    }

    private static Admin admin(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis() / 2);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        return Admin.create(config);
    }

    private static Set<String> allTopics(Admin admin) {
        return get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
    }

    private static boolean allPartitionsLed(Admin admin, Set<String> topics) {
        if (topics.isEmpty()) {
            return true;
        }
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = get(admin.describeTopics(topics).allTopicNames());
        } catch (IllegalStateException e) {
            // The metadata of a topic just created may not have reached the broker yet.
            return false;
        }
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .map(TopicPartitionInfo::leader)
                .allMatch(leader -> leader != null && !leader.isEmpty());
    }

    private static void awaitCreation(KafkaFuture<Void> creation) {
        try {
            get(creation);
        } catch (IllegalStateException e) {
            // Created meanwhile by another test class, thread or JVM: that is the state we want.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin request timed out after " + CALL_TIMEOUT, e);
        }
    }
}
