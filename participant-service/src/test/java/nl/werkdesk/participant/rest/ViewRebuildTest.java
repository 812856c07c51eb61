package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static nl.werkdesk.participant.rest.Api.post;
import static nl.werkdesk.participant.rest.BadInputTest.PROBLEM;
import static nl.werkdesk.participant.rest.BadInputTest.problem;
import static nl.werkdesk.participant.rest.BadInputTest.refusedOn;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.ViewRebuild;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The participant list is disposable: after a varied history (every command, refusals of every kind), it is emptied
 * and rebuilt from the event store alone, every row comes back identical, and the commands and queries that follow
 * answer as they would have without the rebuild. The personal data is not a view: it is kept beside the stream, never
 * in an event, and outlives emptying the list. participant-service consumes no other service's topic, so it has no
 * views of others' facts.
 */
@QuarkusTest
class ViewRebuildTest {

    /** The list filters whose answers must be the same after the rebuild. */
    static final List<Map<String, Object>> LISTS = List.of(
            Map.of("pageSize", 100),
            Map.of("location", "Kabelweg", "pageSize", 100),
            Map.of("status", "left", "pageSize", 100),
            Map.of("intakeCompleted", "false", "location", "Willinklaan", "pageSize", 100),
            Map.of("eligible", "true", "eligibleOn", "2025-04-01", "pageSize", 100),
            Map.of("eligible", "false", "eligibleOn", "2025-04-20", "location", "Provincialeweg", "pageSize", 100));

    @Inject
    ViewRebuild views;

    @Test
    void rebuildsEveryRowOfTheParticipantListFromTheEventStoreAndTheFollowingCommandsDecideAsBefore() throws Throwable {
        UUID walked = walkTheWholeJourney();
        Map<String, Object> statusHolderRegistration = Api.registration("Kabelweg");
        UUID statusHolder = Api.register(statusHolderRegistration);
        post(statusHolder, "intake", Api.intake("2025-02-12")).then().statusCode(200);
        post(statusHolder, "activities", Map.of("activity", "application-training", "completedOn", "2025-02-26")).then().statusCode(200);
        post(statusHolder, "residence-permit", Map.of("grantedOn", "2025-03-15")).then().statusCode(200);
        UUID dublinClaimant = Api.register(with(Api.registration("Provincialeweg"), "wDocumentType", "W2"));
        post(dublinClaimant, "intake", Api.intake("2025-02-14")).then().statusCode(200);
        post(dublinClaimant, "asylum-rejection", Map.of("rejectedOn", "2025-03-20")).then().statusCode(200);
        refused(post(dublinClaimant, "residence-permit", Map.of("grantedOn", "2025-03-10")).then(), "grantedOn", "date-before-status-change");
        UUID erasedEarly = Api.register("Willinklaan");
        post(erasedEarly, "personal-data-erasure", Map.of("erasedOn", "2025-02-20")).then().statusCode(200);
        UUID movedTwice = Api.register("Willinklaan");
        post(movedTwice, "relocations", relocation("Willinklaan", "Kabelweg", "2025-03-01")).then().statusCode(200);
        post(movedTwice, "relocations", relocation("Kabelweg", "Provincialeweg", "2025-04-01")).then().statusCode(200);
        post(movedTwice, "exit", Map.of("reason", "relocated-out-of-region", "leftOn", "2025-05-01")).then().statusCode(200);
        refusesRegistrationsThatStoreNothing(statusHolderRegistration);
        List<UUID> ours = List.of(walked, statusHolder, dublinClaimant, erasedEarly, movedTwice);

        Map<String, String> before = rows("SELECT * FROM participants ORDER BY participant_id");
        assertTrue(before.keySet().containsAll(ours.stream().map(UUID::toString).toList()), "a history to rebuild: " + before);
        Map<String, String> personalDataBefore = rows("SELECT * FROM participant_personal_data ORDER BY participant_id");
        assertEquals(3, ours.stream().filter(id -> personalDataBefore.containsKey(id.toString())).count(), "two of five were erased");
        Map<String, String> listsBefore = lists();

        update("DELETE FROM participants");
        assertEquals(Map.of(), rows("SELECT * FROM participants"), "the list is empty");
        long applied = VertxContextSupport.subscribeAndAwait(views::replayAll);

        assertEquals(storedEvents(), applied, "every stored event replayed");
        assertEquals(before, rows("SELECT * FROM participants ORDER BY participant_id"), "every row rebuilt from the event store");
        assertEquals(personalDataBefore, rows("SELECT * FROM participant_personal_data ORDER BY participant_id"),
                "the personal data outlives the list");
        assertEquals(listsBefore, lists(), "every list answers as before");

        asCaseworker().get(PARTICIPANTS + "/" + walked).then().statusCode(200).header("ETag", "\"9\"")
                .body("status", equalTo("left")).body("personalData", nullValue()).body("activities", hasSize(2));
        conflict(post(walked, "intake", Api.intake("2025-06-03")).then(), "participant-left");
        conflict(post(walked, "personal-data-erasure", Map.of("erasedOn", "2025-06-03")).then(), "personal-data-already-erased");

        conflict(post(statusHolder, "intake", Api.intake("2025-04-01")).then(), "intake-already-completed");
        conflict(post(statusHolder, "residence-permit", Map.of("grantedOn", "2025-04-01")).then(), "already-status-holder");
        post(statusHolder, "activities", Map.of("activity", "cv-help", "completedOn", "2025-04-01")).then().statusCode(200)
                .header("ETag", "\"5\"").body("activities", hasSize(2));

        refused(post(dublinClaimant, "residence-permit", Map.of("grantedOn", "2025-03-10")).then(), "grantedOn", "date-before-status-change");
        conflict(post(dublinClaimant, "asylum-rejection", Map.of("rejectedOn", "2025-04-01")).then(), "asylum-already-rejected");
        post(dublinClaimant, "residence-permit", Map.of("grantedOn", "2025-05-01")).then().statusCode(200)
                .header("ETag", "\"4\"").body("residenceStatus", equalTo("status-holder"));

        conflict(post(erasedEarly, "personal-data-erasure", Map.of("erasedOn", "2025-03-01")).then(), "personal-data-already-erased");
        post(erasedEarly, "intake", Api.intake("2025-02-21")).then().statusCode(200).header("ETag", "\"3\"");

        conflict(post(movedTwice, "relocations", relocation("Provincialeweg", "Willinklaan", "2025-06-01")).then(), "participant-left");
        refused(asCaseworker().body(with(Api.registration("Willinklaan"), "personalData",
                Api.personalData(vNumberOf(statusHolderRegistration)))).post(PARTICIPANTS).then(),
                "personalData.vNumber", "v-number-already-registered");
        Api.register("Willinklaan");
    }

    /** Every command kind on one participant, and each of its refusals on the way; the stream ends at version 9. */
    private static UUID walkTheWholeJourney() {
        UUID id = Api.register("Willinklaan");
        conflict(post(id, "activities", Map.of("activity", "cv-help", "completedOn", "2025-02-05")).then(), "intake-not-completed");
        refused(post(id, "intake", Api.intake("2025-01-01")).then(), "completedOn", "date-before-registration");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
        conflict(post(id, "intake", Api.intake("2025-02-11")).then(), "intake-already-completed");
        refused(post(id, "activities", Map.of("activity", "cv-help", "completedOn", "2025-02-05")).then(), "completedOn", "date-before-intake");
        post(id, "activities", Map.of("activity", "cv-help", "completedOn", "2025-02-20")).then().statusCode(200);
        post(id, "relocations", relocation("Willinklaan", "Kabelweg", "2025-03-01")).then().statusCode(200);
        refused(post(id, "relocations", relocation("Willinklaan", "Provincialeweg", "2025-03-02")).then(), "fromLocation", "not-current-location");
        refused(post(id, "relocations", relocation("Kabelweg", "Kabelweg", "2025-03-02")).then(), "toLocation", "already-at-location");
        refused(post(id, "relocations", relocation("Kabelweg", "Provincialeweg", "2025-02-25")).then(), "relocatedOn",
                "date-before-previous-relocation");
        post(id, "activities", Map.of("activity", "job-fair", "completedOn", "2025-03-12")).then().statusCode(200);
        post(id, "asylum-rejection", Map.of("rejectedOn", "2025-04-01")).then().statusCode(200);
        conflict(post(id, "asylum-rejection", Map.of("rejectedOn", "2025-04-02")).then(), "asylum-already-rejected");
        post(id, "residence-permit", Map.of("grantedOn", "2025-05-01")).then().statusCode(200);
        conflict(post(id, "residence-permit", Map.of("grantedOn", "2025-05-02")).then(), "already-status-holder");
        refused(post(id, "exit", Map.of("reason", "found-work-elsewhere", "leftOn", "2025-04-15")).then(), "leftOn", "date-before-latest-step");
        post(id, "exit", Map.of("reason", "found-work-elsewhere", "leftOn", "2025-06-01")).then().statusCode(200);
        conflict(post(id, "intake", Api.intake("2025-06-02")).then(), "participant-left");
        post(id, "personal-data-erasure", Map.of("erasedOn", "2025-06-02")).then().statusCode(200).header("ETag", "\"9\"");
        conflict(post(id, "personal-data-erasure", Map.of("erasedOn", "2025-06-03")).then(), "personal-data-already-erased");
        return id;
    }

    /** Refused registrations leave no event, no row in the list and no personal data. */
    private static void refusesRegistrationsThatStoreNothing(Map<String, Object> taken) {
        refused(asCaseworker().body(with(Api.registration("Willinklaan"), "personalData", Api.personalData(vNumberOf(taken))))
                .post(PARTICIPANTS).then(), "personalData.vNumber", "v-number-already-registered");
        refused(asCaseworker().body(with(Api.registration("Willinklaan"), "asylumApplicationDate", "2025-03-01")).post(PARTICIPANTS).then(),
                "asylumApplicationDate", "asylum-application-after-registration");
        refused(asCaseworker().body(with(Api.registration("Willinklaan"), "wDocumentValidUntil", "2025-01-01")).post(PARTICIPANTS).then(),
                "wDocumentValidUntil", "w-document-expired");
        Map<String, Object> longAgo = with(with(with(Api.registration("Kabelweg"), "registeredOn", "2001-06-01"),
                "asylumApplicationDate", "2001-01-01"), "wDocumentValidUntil", "2001-12-31");
        refused(asCaseworker().body(longAgo).post(PARTICIPANTS).then(), "registeredOn", "date-before-first-policy");
    }

    private static void refused(ValidatableResponse response, String field, String code) {
        refusedOn(response, field, code);
    }

    private static void conflict(ValidatableResponse response, String code) {
        problem(response, 409).body("type", equalTo(PROBLEM + code));
    }

    private static Map<String, Object> relocation(String from, String to, String on) {
        return Map.of("fromLocation", from, "toLocation", to, "relocatedOn", on);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static String vNumberOf(Map<String, Object> registration) {
        return (String) ((Map<?, ?>) registration.get("personalData")).get("vNumber");
    }

    /** The answer of each list filter, as the client receives it. */
    private static Map<String, String> lists() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map<String, Object> filter : LISTS) {
            answers.put(filter.toString(), asCaseworker().queryParams(filter).get(PARTICIPANTS).then().statusCode(200).extract().asString());
        }
        return answers;
    }

    /** Every row of a query, by its first column, as its columns' names and values. */
    private static Map<String, String> rows(String sql) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = PostgresServer.shared().connect("participant");
             Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(sql)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(columns.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.put(result.getString(1), row.toString());
            }
        }
        return rows;
    }

    private static long storedEvents() throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("participant");
             Statement query = connection.createStatement();
             ResultSet result = query.executeQuery("SELECT count(*) FROM events")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("participant"); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
