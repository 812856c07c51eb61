package nl.werkdesk.eventsourcing.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "werkdesk.relay")
public interface RelayConfig {

    /** Off only where a test drives publishing itself; every running service publishes. */
    @WithDefault("true")
    boolean enabled();

    /** The topic this service publishes to (the same as the outgoing channel's topic). */
    @WithName("topic")
    String topic();

    /** Events read and sent per round trip; must stay below the emitter's buffer. */
    @WithDefault("500")
    int batchSize();

    /** Polling catches what a lost NOTIFY would miss (a listener reconnecting, say). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How often a replica that is not the relay asks again for the advisory lock. */
    @WithDefault("PT5S")
    Duration leaderRetryInterval();

    @WithDefault("PT0.2S")
    Duration minBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();

    /** How often the lag metrics (events waiting, age of the oldest) are measured. */
    @WithDefault("PT5S")
    Duration lagInterval();

    /** How long recovery may wait for the broker when reading the end of the topic. */
    @WithDefault("PT10S")
    Duration tailTimeout();

    /** How long closing a failed producer may wait for what it still had in flight. */
    @WithDefault("PT1S")
    Duration producerCloseTimeout();

    /**
     * Kafka producer settings on top of the service's kafka.* configuration (security, bootstrap servers);
     * acks=all, idempotence and the transactional id are the relay's own and cannot be changed.
     */
    java.util.Map<String, String> kafka();
}
