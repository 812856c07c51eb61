package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import nl.werkdesk.contracts.Catalogs;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.local.scenario.Api;
import nl.werkdesk.local.scenario.Plan;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioGenerator;
import nl.werkdesk.local.scenario.ScenarioPlayer;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;

/**
 * The whole suite as ./werkdesk runs it: the stack started by the launcher's own {@link Stack} (Kafka, PostgreSQL and
 * the five service jars as processes, on free loopback ports and a fresh home), a small scenario played through
 * REST, reporting-service's figures checked exactly, every event on the five topics checked as a CloudEvent of its
 * contract (and none in a dead-letter topic), and a clean stop: every process gone, every port free.
 */
class WholeSuiteTest {

    private static final Logger LOG = Logger.getLogger(WholeSuiteTest.class);
    private static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();

    @Test
    void playsAScenarioThroughEveryServiceAndStopsCleanly() throws IOException {
        Settings settings = freshSettings();
        Stack stack = Stack.start(settings, false, LOG::info);
        Map<String, Long> processes;
        try {
            processes = stack.processes();
            assertEquals(7, processes.size(), "the launcher (with Kafka), PostgreSQL and five services: " + processes);

            Plan plan = ScenarioGenerator.plan(Scenario.readResource("scenarios/small.json"));
            ScenarioPlayer.Result result = player(settings).play(plan);

            assertEquals(Map.of(), result.differences(), "reporting-service against what the plan implies");
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("enrolled", 15);
            expected.put("intakesCompleted", 13);
            expected.put("participantsWithActivity", 5);
            expected.put("twvsRequested", 8);
            expected.put("twvsGranted", 4);
            expected.put("twvsRefused", 2);
            expected.put("medianTwvLeadTimeDays", 35.0);
            expected.put("participantsPlaced", 5);
            expected.put("placementRate", 0.3333);
            expected.put("activePlacements", 3);
            expected.put("sustainedPlacements", 1);
            expected.put("placementsEndedByCoaRelocation", 1);
            expected.put("medianDaysFromIntakeToFirstPlacement", 68.0);
            expected.put("budgetCents", 30_000_000);
            expected.put("spendToDateCents", 16_820_000);
            expected.put("costPerPlacementCents", 3_364_000);
            Map<String, Object> actual = new LinkedHashMap<>(result.summary());
            actual.keySet().retainAll(expected.keySet());
            assertEquals(expected, actual, "GET /api/v1/metrics/summary?asOf=2025-10-16");

            assertCloudEventsOnEveryTopic(settings, plan);
        } finally {
            stack.stop();
        }
        long launcher = ProcessHandle.current().pid();
        processes.forEach((name, pid) -> assertTrue(pid == launcher || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true),
                name + " (pid " + pid + ") is gone"));
        assertEquals(0, ProcessHandle.current().children().count(), "no child process left");
        List<Integer> ports = new java.util.ArrayList<>(List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.postgresPort()));
        settings.services().forEach(s -> ports.add(s.port()));
        ports.forEach(port -> assertFalse(Stack.inUse(port), "port " + port + " is free"));
        assertFalse(Files.exists(settings.stateFile()), "no state file left");
    }

    private static void assertCloudEventsOnEveryTopic(Settings settings, Plan plan) {
        KafkaTopicReader reader = new KafkaTopicReader(settings.kafkaBootstrap());
        Set<String> ids = new HashSet<>();
        for (EventCatalog catalog : Catalogs.ALL) {
            List<ConsumerRecord<String, String>> records = reader.readAll(catalog.topic());
            assertFalse(records.isEmpty(), catalog.topic() + " has events");
            for (ConsumerRecord<String, String> record : records) {
                String where = catalog.topic() + " offset " + record.offset();
                assertEquals("1.0", KafkaTopicReader.header(record, "ce_specversion"), where);
                assertTrue(ids.add(KafkaTopicReader.header(record, "ce_id")), where + ": ce_id once");
                assertEquals(catalog.source().toString(), KafkaTopicReader.header(record, "ce_source"), where);
                assertEquals(record.key(), KafkaTopicReader.header(record, "ce_subject"), where + ": subject is the stream id");
                assertTrue(KafkaTopicReader.header(record, "ce_time").matches("2025-\\d\\d-\\d\\dT00:00(:00)?\\+0[12]:00"),
                        where + ": ce_time is the business date");
                assertTrue(Long.parseLong(KafkaTopicReader.header(record, "ce_sequence")) >= 1, where);
                assertEquals("application/json", KafkaTopicReader.header(record, "content-type"), where);
                ContractSchemas.assertValid(catalog, record);
            }
            LOG.infof("%s: %d CloudEvents, %s", catalog.topic(), records.size(), records.stream()
                    .collect(Collectors.groupingBy(r -> KafkaTopicReader.header(r, "ce_type"), Collectors.counting())));
        }
        for (String service : Topics.CONSUMING_SERVICES) {
            assertEquals(List.of(), reader.readAll(Topics.deadLetter(service)), "nothing in the dead-letter topic of " + service);
        }
        List<ConsumerRecord<String, String>> participants = reader.readAll(Topics.PARTICIPANTS);
        assertEquals(plan.participants().size(), participants.stream()
                .filter(r -> KafkaTopicReader.header(r, "ce_type").equals("nl.werkdesk.participant.participant-registered")).count());
        List<ConsumerRecord<String, String>> placements = reader.readAll(Topics.PLACEMENTS);
        assertEquals(5, placements.stream()
                .filter(r -> KafkaTopicReader.header(r, "ce_type").equals("nl.werkdesk.placement.placement-started")).count());
    }

    private static ScenarioPlayer player(Settings settings) {
        DevKeys keys = DevKeys.in(settings.keys());
        Map<String, URI> services = new LinkedHashMap<>();
        settings.services().forEach(s -> services.put(s.shortName(), s.uri()));
        return new ScenarioPlayer(new Api(services, keys::token), LOG::info, 4, Duration.ofSeconds(60));
    }

    /** A fresh home under target/ and free loopback ports, so that a stack of the developer's own can keep running. */
    private static Settings freshSettings() throws IOException {
        Path target = ROOT.resolve("deploy/local/target");
        Files.createDirectories(target);
        Path home = Files.createTempDirectory(target, "whole-suite-");
return Settings.onFreePorts(ROOT, home, List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
    }
}
