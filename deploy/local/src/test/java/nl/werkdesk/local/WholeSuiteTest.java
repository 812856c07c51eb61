package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
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
import nl.werkdesk.testing.OpenApiContract;
import nl.werkdesk.testing.PostgresProcess;

/**
 * The whole suite as ./werkdesk runs it: the stack started by the launcher's own {@link Stack} (Kafka, PostgreSQL and
 * the five service jars as processes, on free loopback ports and a fresh home), a small scenario played through
 * REST with every exchange held against the service's OpenAPI document, reporting-service's figures checked exactly,
 * the researcher's records checked for ids, personal data and dates, ./werkdesk report's file, every event on the five
 * topics checked as a CloudEvent of its contract (and none in a dead-letter topic), the TypeScript client of
 * clients/typescript generated from the documents, compiled and run, and a clean stop: every process gone, every port
 * free.
 */
class WholeSuiteTest {

    private static final Logger LOG = Logger.getLogger(WholeSuiteTest.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = Path.of(System.getProperty("werkdesk.root", "../..")).toAbsolutePath().normalize();

    @Test
    void playsAScenarioThroughEveryServiceAndStopsCleanly() throws Exception {
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

            assertEvaluationFigures(settings, plan);
            assertTheResearchersRecordsNameAndDateNobody(settings, plan);
            assertTheReportIsWrittenTheSameTwice(settings, plan);
            assertCloudEventsOnEveryTopic(settings, plan);

            TypedClient.Finished typed = TypedClient.buildAndRun(ROOT, settings, DevKeys.in(settings.keys()));
            LOG.infof("the typed client:%n%s", typed.output());
            assertEquals(0, typed.exitCode(), "the typed client's run: " + typed.lastLines());
            assertTrue(typed.output().contains("typed client: 10 calls answered as the documents say"), typed.lastLines());
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

    /**
     * Two evaluation figures, exactly as the plan implies them: gross wages earned day by day (the hours and wage in force
     * on each day, the end date not worked) and UWV's lead times (decisions and their 90th percentile by nearest rank).
     */
    private static void assertEvaluationFigures(Settings settings, Plan plan) {
        LocalDate asOf = plan.asOf();
        long weeklySum = 0;
        for (Plan.Participant p : plan.participants()) {
            Plan.Placement placement = p.placement();
            if (placement == null || placement.startedOn().isAfter(asOf)) {
                continue;
            }
            Plan.Vacancy vacancy = plan.vacancies().get(placement.vacancy());
            for (LocalDate day = placement.startedOn(); !day.isAfter(asOf)
                    && (placement.endedOn() == null || day.isBefore(placement.endedOn())); day = day.plusDays(1)) {
                long hours = vacancy.hoursPerWeek();
                long wage = vacancy.hourlyWageCents();
                for (Plan.Change change : placement.changes()) {
                    if (!change.changedOn().isAfter(day)) {
                        hours = change.hoursPerWeek();
                        wage = change.hourlyWageCents();
                    }
                }
                weeklySum += hours * wage;
            }
        }
        List<Long> leadTimes = plan.participants().stream().flatMap(p -> p.twvs().stream())
                .filter(t -> t.decided() && !t.decidedOn().isAfter(asOf))
                .map(t -> ChronoUnit.DAYS.between(t.requestedOn(), t.decidedOn())).sorted().toList();
        assertTrue(plan.participants().stream().anyMatch(p -> p.placement() != null && !p.placement().changes().isEmpty()),
                "the small scenario changes hours somewhere");
        Api api = api(settings);
        JsonNode earnings = api.get(Api.REPORTING, "finance", "/evaluation/earnings?asOf=" + asOf);
        assertEquals(Math.round(weeklySum / 7.0), earnings.path("grossWagesCents").asLong(), "GET /api/v1/evaluation/earnings");
        assertEquals(5_024_799L, earnings.path("grossWagesCents").asLong(), "the small scenario's gross wages, EUR 50,247.99");
        JsonNode twv = api.get(Api.REPORTING, "finance", "/evaluation/twv-burden?asOf=" + asOf).path("leadTime");
        assertEquals(leadTimes.size(), twv.path("decisions").asInt(), "GET /api/v1/evaluation/twv-burden");
        assertEquals(leadTimes.get((int) Math.ceil(0.9 * leadTimes.size()) - 1), twv.path("p90Days").asLong());
        assertEquals(6, twv.path("decisions").asInt());
        assertEquals(50, twv.path("p90Days").asLong(), "the small scenario's 90th percentile lead time");
        LOG.infof("evaluation as of %s: gross wages %d cents, TWV lead time P90 %d days of %d decisions", asOf,
                earnings.path("grossWagesCents").asLong(), twv.path("p90Days").asLong(), leadTimes.size());
    }

    /**
     * The researcher's export of the played scenario, made by reporting-service with the key this home generated: one record
     * per participant enrolled (less the suppressed), and not one cell that equals an id of any stream of any service, a
     * personal datum the scenario gave participant-service, or any date.
     */
    private static void assertTheResearchersRecordsNameAndDateNobody(Settings settings, Plan plan) throws Exception {
        HttpResponse<String> export = get(settings, "researcher", "/evaluation/microdata?asOf=" + plan.asOf(), "text/csv");
        assertEquals(200, export.statusCode(), export.body());
        String[] lines = export.body().split("\r\n");
        int suppressed = Integer.parseInt(export.headers().firstValue("K-Anonymity-Rows-Suppressed").orElseThrow());
        assertEquals(plan.participants().stream().filter(p -> !p.registeredOn().isAfter(plan.asOf())).count(),
                lines.length - 1 + suppressed, "a record per participant enrolled, or suppressed");
        Set<String> secrets = new HashSet<>();
        for (Settings.Service service : settings.services()) {
            secrets.addAll(query(settings, service.database(), "SELECT DISTINCT stream_id::text FROM events"));
        }
        int ids = secrets.size();
        for (Plan.Participant p : plan.participants()) {
            secrets.addAll(List.of(p.fullName(), p.vNumber(), p.nationality(), p.dateOfBirth().toString()));
        }
        assertTrue(ids > plan.participants().size(), "the stream ids of every service: " + ids);
        List<String> failures = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            for (String cell : lines[i].split(",", -1)) {
                if (secrets.contains(cell) || cell.matches(".*[0-9]{4}-[0-9]{2}-[0-9]{2}.*")
                        || secrets.stream().anyMatch(secret -> secret.length() >= 16 && cell.length() >= 8 && secret.contains(cell))) {
                    failures.add("record " + i + ": " + cell);
                }
            }
        }
        assertEquals(List.of(), failures, "no id, personal datum or date in the researcher's records");
        assertEquals(403, get(settings, "analyst", "/evaluation/microdata?asOf=" + plan.asOf(), "text/csv").statusCode());
        LOG.infof("researcher's export as of %s: %d records, k reached %s, generalised %s, %d suppressed", plan.asOf(), lines.length - 1,
                export.headers().firstValue("K-Anonymity-Reached").orElse("?"),
                export.headers().firstValue("K-Anonymity-Generalisations").orElse("?"), suppressed);
    }

    /** ./werkdesk report's file: the report of the running stack, the same bytes when written again. */
    private static void assertTheReportIsWrittenTheSameTwice(Settings settings, Plan plan) throws IOException {
        DevKeys keys = DevKeys.in(settings.keys());
        Path report = Reports.write(settings, keys, plan.asOf(), null, null);
        assertEquals(settings.home().resolve("reports").resolve("werkdesk-report-" + plan.asOf() + ".html"), report);
        byte[] first = Files.readAllBytes(report);
        String html = new String(first, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<h1>Werkdesk pilot: report as of 16 October 2025</h1>"), html);
        assertTrue(html.contains("data-figure=\"placed\"><span class=\"label\">Placed in paid work</span><span class=\"value\">5</span>"),
                "the summary's participants placed");
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(Reports.write(settings, keys, plan.asOf(), null, null))),
                "the same report again");
        Path atLocation = Reports.write(settings, keys, plan.asOf(), plan.participants().get(0).location(), 1);
        assertTrue(atLocation.getFileName().toString().endsWith("-phase-1.html"), atLocation.toString());
    }

    private static HttpResponse<String> get(Settings settings, String role, String path, String accept) throws Exception {
        Settings.Service reporting = settings.services().get(settings.services().size() - 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(reporting.uri() + "/api/v1" + path)).header("Accept", accept)
                .header("Authorization", "Bearer " + DevKeys.in(settings.keys()).token(role)).timeout(Duration.ofMinutes(1)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        OpenApiContract.assertValid(request, null, response);
        return response;
    }

    private static List<String> query(Settings settings, String database, String sql) throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database,
                PostgresProcess.SUPERUSER, PostgresProcess.PASSWORD);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
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
                assertTrue(KafkaTopicReader.header(record, "ce_time").matches("\\d{4}-\\d\\d-\\d\\dT00:00(:00)?\\+0[12]:00"),
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
        return new ScenarioPlayer(api(settings), LOG::info, 4, Duration.ofSeconds(60));
    }

    private static Api api(Settings settings) {
        DevKeys keys = DevKeys.in(settings.keys());
        Map<String, URI> services = new LinkedHashMap<>();
        settings.services().forEach(s -> services.put(s.shortName(), s.uri()));
        return new Api(services, keys::token, OpenApiContract::assertValid);
    }

    /** A fresh home under target/ and free loopback ports, so that a stack of the developer's own can keep running. */
    private static Settings freshSettings() throws IOException {
        Path target = ROOT.resolve("deploy/local/target");
        Files.createDirectories(target);
        Path home = Files.createTempDirectory(target, "whole-suite-");
        return Settings.onFreePorts(ROOT, home, List.of(Settings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
    }
}
