package nl.werkdesk.reporting.rest;

import static nl.werkdesk.reporting.Api.LEDGER;
import static nl.werkdesk.reporting.Api.as;
import static nl.werkdesk.reporting.Api.metric;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The programme ledger through REST: every command and refusal, its events on werkdesk.programme.v1 as the contract
 * promises, and its money in the metrics (as of a date), read back from the topic like any other.
 */
@QuarkusTest
class ProgrammeLedgerResourceTest {

    static final String LOCATION = "Ledgerlaan";
    static final Duration PUBLISHED = Duration.ofSeconds(30);
    static final String PROBLEM = "urn:nld:werkdesk:problem:";

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void allocatesBooksAndCorrectsAndTheMetricsFollowAsOfEachDate() {
        long budgetBefore = budget("2025-08-01");
        long spendBefore = spend("2025-09-30");

        Response allocated = post("/budget-allocations", Map.of("phase", 2, "amountCents", 1_000_000, "allocatedOn", "2025-08-01"));
        UUID allocationId = UUID.fromString(allocated.path("latestChange.id"));
        assertEquals("budget-allocated", allocated.path("latestChange.type"));
        assertEquals(allocated.path("version").toString(), allocated.header("ETag").replace("\"", ""));

        Response booked = post("/expenditures", Map.of("category", "intermediary-fees", "amountCents", 250_000, "location", LOCATION,
                "bookedOn", "2025-08-20"));
        String bookingId = booked.path("latestChange.id");
        Response corrected = post("/expenditures/" + bookingId + "/corrections", Map.of("amountCents", -50_000, "correctedOn", "2025-09-05"));
        assertEquals(200_000, (int) corrected.path("bookings.find { it.bookingId == '" + bookingId + "' }.amountCents"));
        assertEquals(250_000, (int) corrected.path("bookings.find { it.bookingId == '" + bookingId + "' }.bookedCents"));

        as(Roles.FINANCE).get(LEDGER).then().statusCode(200).header("ETag", equalTo("\"" + corrected.path("version") + "\""))
                .body("allocations.allocationId", hasItem(allocationId.toString()))
                .body("bookings.find { it.bookingId == '" + bookingId + "' }.corrections[0].amountCents", equalTo(-50_000));

        List<ConsumerRecord<String, String>> events = topic.await(Topics.PROGRAMME, record -> record.value().contains(allocationId.toString())
                || record.value().contains(bookingId), 3, PUBLISHED);
        assertEquals(List.of("nl.werkdesk.programme.budget-allocated", "nl.werkdesk.programme.expenditure-booked",
                "nl.werkdesk.programme.expenditure-corrected"), events.stream().map(record -> KafkaTopicReader.header(record, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            ContractSchemas.assertValid(ProgrammeEvent.CATALOG, event);
            assertEquals(allocated.path("ledgerId"), event.key());
            assertEquals("urn:nld:werkdesk:reporting-service", KafkaTopicReader.header(event, "ce_source"));
        }
        assertEquals("2025-09-05T00:00:00+02:00", KafkaTopicReader.header(events.get(2), "ce_time"));

        await().atMost(Events.PROCESSED).until(() -> spend("2025-09-30") == spendBefore + 200_000);
        assertEquals(spendBefore + 250_000, spend("2025-09-04"));
        assertEquals(spendBefore, spend("2025-08-19"));
        await().atMost(Events.PROCESSED).until(() -> budget("2025-08-01") == budgetBefore + 1_000_000);
        assertEquals(budgetBefore, budget("2025-07-31"));
    }

    @Test
    void refusesACorrectionThatTakesABookingBelowZero() {
        String bookingId = post("/expenditures", Map.of("category", "training", "amountCents", 10_000, "location", LOCATION,
                "bookedOn", "2025-09-01")).path("latestChange.id");
        as(Roles.FINANCE).body(Map.of("amountCents", -10_001, "correctedOn", "2025-09-02"))
                .post(LEDGER + "/expenditures/" + bookingId + "/corrections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "booking-below-zero"))
                .body("invalidParams[0].name", equalTo("amountCents"));
        as(Roles.FINANCE).body(Map.of("amountCents", -10_000, "correctedOn", "2025-09-02"))
                .post(LEDGER + "/expenditures/" + bookingId + "/corrections").then().statusCode(200);
        as(Roles.FINANCE).body(Map.of("amountCents", -1, "correctedOn", "2025-09-03"))
                .post(LEDGER + "/expenditures/" + bookingId + "/corrections").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "booking-below-zero"));
    }

    @Test
    void refusesBadCommandsNamingTheField() {
        refused("/budget-allocations", Map.of("phase", 9, "amountCents", 100, "allocatedOn", "2025-08-01"), "phase", "not-a-pilot-phase");
        invalid("/budget-allocations", Map.of("phase", 1, "amountCents", 0, "allocatedOn", "2025-08-01"), "amountCents");
        invalid("/budget-allocations", Map.of("phase", 1, "amountCents", 100, "allocatedOn", "2999-01-01"), "allocatedOn");
        invalid("/budget-allocations", Map.of("phase", 1, "amountCents", 100), "allocatedOn");
        invalid("/budget-allocations", Map.of("phase", 1, "amountCents", 1.5, "allocatedOn", "2025-08-01"), "amountCents");
        invalid("/budget-allocations", Map.of("phase", 1, "amountCents", 100, "allocatedOn", "2025-08-01", "currency", "EUR"), "currency");
        invalid("/expenditures", Map.of("category", "champagne", "amountCents", 100, "bookedOn", "2025-08-01"), "category");
        refused("/expenditures", Map.of("category", "training", "amountCents", 100, "location", "Utrecht", "bookedOn", "2025-08-01"),
                "location", "not-a-pilot-location");
        invalid("/expenditures", Map.of("category", "training", "amountCents", 100, "location", " ", "bookedOn", "2025-08-01"), "location");
        String bookingId = post("/expenditures", Map.of("category", "job-fairs", "amountCents", 100, "bookedOn", "2025-08-01"))
                .path("latestChange.id");
        refused("/expenditures/" + bookingId + "/corrections", Map.of("amountCents", 0, "correctedOn", "2025-08-02"), "amountCents",
                "correction-of-zero");
        refused("/expenditures/" + bookingId + "/corrections", Map.of("amountCents", -1, "correctedOn", "2025-07-31"), "correctedOn",
                "correction-before-booking");
        as(Roles.FINANCE).body(Map.of("amountCents", -1, "correctedOn", "2025-08-02"))
                .post(LEDGER + "/expenditures/" + UUID.randomUUID() + "/corrections")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(PROBLEM + "not-found"));
        as(Roles.FINANCE).body("{\"phase\": 1,").post(LEDGER + "/budget-allocations").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("body"));
    }

    @Test
    void honoursIfMatchAndReplaysARepeatedIdempotencyKey() {
        String version = as(Roles.FINANCE).get(LEDGER).then().statusCode(200).extract().header("ETag");
        post("/budget-allocations", Map.of("phase", 1, "amountCents", 5, "allocatedOn", "2025-02-01"));
        as(Roles.FINANCE).header("If-Match", version).body(Map.of("phase", 1, "amountCents", 5, "allocatedOn", "2025-02-01"))
                .post(LEDGER + "/budget-allocations").then().statusCode(412);

        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("category", "other", "amountCents", 777, "bookedOn", "2025-08-01");
        Response first = as(Roles.FINANCE).header("Idempotency-Key", key).body(body).post(LEDGER + "/expenditures")
                .then().statusCode(200).extract().response();
        as(Roles.FINANCE).header("Idempotency-Key", key).body(body).post(LEDGER + "/expenditures")
                .then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", first.header("ETag"))
                .body("latestChange.id", equalTo(first.path("latestChange.id")));
        as(Roles.FINANCE).header("Idempotency-Key", key).body(Map.of("category", "other", "amountCents", 778, "bookedOn", "2025-08-01"))
                .post(LEDGER + "/expenditures").then().statusCode(422);
    }

    private static Response post(String path, Map<String, ?> body) {
        return as(Roles.FINANCE).body(body).post(LEDGER + path).then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().response();
    }

    /** Invalid input, found before the ledger decides. */
    private static void invalid(String path, Map<String, ?> body, String field) {
        as(Roles.FINANCE).body(body).post(LEDGER + path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "invalid-input")).body("invalidParams.name", hasItem(field));
    }

    /** Refused by the ledger with its code, naming the field. */
    private static void refused(String path, Map<String, ?> body, String field, String code) {
        as(Roles.FINANCE).body(body).post(LEDGER + path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + code)).body("invalidParams.name", hasItem(field));
    }

    private static long spend(String asOf) {
        return metric(Roles.FINANCE, "summary", Map.of("location", LOCATION, "asOf", asOf)).getLong("spendToDateCents");
    }

    private static long budget(String asOf) {
        return metric(Roles.FINANCE, "summary", Map.of("phase", "2", "asOf", asOf)).getLong("budgetCents");
    }
}
