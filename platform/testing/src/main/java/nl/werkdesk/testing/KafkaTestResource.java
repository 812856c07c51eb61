package nl.werkdesk.testing;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;
import nl.werkdesk.contracts.Topics;

/**
 * Points a Quarkus test at the shared {@link KafkaBroker}, with every integration topic and every dead-letter
 * topic created up front so that consumers are assigned partitions at once. Returns {@code kafka.bootstrap.servers}.
 * <p>
 * Init arg {@value #TOPICS_ARG}: further topics to create, comma separated (or {@link WerkdeskTestResources#topics()}).
 * {@link #stop()} leaves the broker running: it is shared by all test classes and stops when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceConfigurableLifecycleManager<Annotation> {

    /** Init arg with extra topics, comma separated. */
    public static final String TOPICS_ARG = "topics";

    /** Partitions of every topic created here. */
    public static final int PARTITIONS = 3;

    private final List<String> extraTopics = new ArrayList<>();

    /** The integration topics and the dead-letter topic of every consuming service. */
    public static List<String> standardTopics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.CONSUMING_SERVICES.stream().map(Topics::deadLetter).forEach(topics::add);
        return List.copyOf(topics);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        Arrays.stream(initArgs.getOrDefault(TOPICS_ARG, "").split(","))
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .forEach(extraTopics::add);
    }

    /** Quarkus calls this instead of {@link #init(Map)} when a meta-annotation declared the resource. */
    @Override
    public void init(Annotation metaAnnotation) {
        if (metaAnnotation instanceof WerkdeskTestResources werkdesk) {
            init(Map.of(TOPICS_ARG, werkdesk.topics()));
        } else {
            init(ResourceArgs.declaredOn(metaAnnotation, KafkaTestResource.class));
        }
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = KafkaBroker.shared();
        List<String> topics = new ArrayList<>(standardTopics());
        topics.addAll(extraTopics);
        kafka.createTopics(topics, PARTITIONS);
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives this test class; a shutdown hook stops it when the JVM exits.
    }
}
