package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import nl.werkdesk.contracts.Topics;

class TestResourcesTest {

    @Test
    void kafkaResourceCreatesEveryIntegrationAndDeadLetterTopicAndTheExtraOnes() {
        KafkaTestResource resource = new KafkaTestResource();
        resource.init(Map.of(KafkaTestResource.TOPICS_ARG, " werkdesk.test.extra-a , werkdesk.test.extra-b,"));

        Map<String, String> config = resource.start();

        KafkaBroker kafka = KafkaBroker.shared();
        assertEquals(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers()), config);
        assertTrue(KafkaTestResource.standardTopics().containsAll(Topics.ALL));
        assertTrue(KafkaTestResource.standardTopics().contains(Topics.deadLetter("reporting-service")));
        assertEquals(9, KafkaTestResource.standardTopics().size());
        KafkaTopicReader reader = new KafkaTopicReader(kafka.bootstrapServers());
        for (String topic : List.of(Topics.PARTICIPANTS, Topics.deadLetter("permit-service"),
                "werkdesk.test.extra-a", "werkdesk.test.extra-b")) {
            assertEquals(List.of(), reader.readAll(topic), topic);
        }
    }

    @Test
    void readingAMissingTopicFindsNothingAndDoesNotCreateIt() {
        KafkaTopicReader reader = new KafkaTopicReader(KafkaBroker.shared().bootstrapServers());

        assertEquals(List.of(), reader.readAll("werkdesk.test.never-created"));
        assertEquals(List.of(), reader.readAll("werkdesk.test.never-created"));
    }

    @Test
    void awaitFailsWithWhatItSaw() {
        KafkaBroker kafka = KafkaBroker.shared();
        kafka.createTopics(List.of("werkdesk.test.await-fails"), 1);
        KafkaTopicReader reader = new KafkaTopicReader(kafka.bootstrapServers());

        AssertionError failure = assertThrows(AssertionError.class,
                () -> reader.await("werkdesk.test.await-fails", r -> true, 1, Duration.ofMillis(500)));

        assertTrue(failure.getMessage().contains("Expected 1 matching record(s) on werkdesk.test.await-fails"),
                failure.getMessage());
    }

    @Test
    void metaAnnotationConfiguresTheDatabaseAndTopics() {
        WerkdeskTestResources config = Annotated.class.getAnnotation(WerkdeskTestResources.class);
        PostgresTestResource postgres = new PostgresTestResource();
        KafkaTestResource kafka = new KafkaTestResource();

        postgres.init(config);
        kafka.init(config);

        assertTrue(postgres.start().get("quarkus.datasource.jdbc.url").endsWith("/meta_db"));
        kafka.start();
        assertEquals(List.of(), new KafkaTopicReader().readAll("werkdesk.test.from-meta"));
    }

    @Test
    void anotherMetaAnnotationPassesTheInitArgsItDeclares() {
        PostgresTestResource postgres = new PostgresTestResource();

        postgres.init(ServiceOwnAnnotated.class.getAnnotation(ServiceOwn.class));

        assertTrue(postgres.start().get("quarkus.datasource.reactive.url").endsWith("/own_db"));
    }

    @WerkdeskTestResources(database = "meta_db", topics = "werkdesk.test.from-meta")
    private static final class Annotated {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "own_db"))
    private @interface ServiceOwn {
    }

    @ServiceOwn
    private static final class ServiceOwnAnnotated {
    }
}
