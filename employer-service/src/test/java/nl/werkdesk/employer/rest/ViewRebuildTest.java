package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.EMPLOYERS;
import static nl.werkdesk.employer.rest.Api.JOB_FAIRS;
import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.ViewRebuild;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The views are disposable: after a varied history (every command, refusals, participants from the topic), every row
 * of every view the projections keep is emptied and rebuilt from the event store alone, comes back identical, and the
 * commands that follow decide as they would have without the rebuild. The contact persons (personal data beside the
 * streams) and the participants (from participant-service's topic) are not views of this store and stay as they are.
 */
@QuarkusTest
class ViewRebuildTest {

    /** The tables the inline projections write, each with its key, emptied children first. */
    static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("job_fair_employers", "job_fair_id, employer_id");
        VIEWS.put("job_fairs", "job_fair_id");
        VIEWS.put("vacancies", "vacancy_id");
        VIEWS.put("employers", "employer_id");
    }

    @Inject
    ViewRebuild views;

    @Test
    void rebuildsEveryViewRowFromTheEventStoreAndTheFollowingCommandsDecideAsBefore() throws Throwable {
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 1, 20));
        UUID gone = ParticipantTopic.registered(LocalDate.of(2025, 1, 20));
        ParticipantTopic.left(gone, LocalDate.of(2025, 3, 1));

        Map<String, Object> bakeryRegistration = Api.registration("production");
        UUID bakery = Api.registerEmployer(bakeryRegistration);
        Map<String, Object> agencyRegistration = BadInputTest.with(BadInputTest.without(Api.registration("logistics"), "twvIntermediary"),
                "temporaryEmploymentAgency", true);
        UUID agency = Api.registerEmployer(agencyRegistration);
        BadInputTest.refusedOn(asLiaison().body(bakeryRegistration).post(EMPLOYERS).then(), "kvkNumber", "kvk-number-already-registered");
        post(EMPLOYERS + "/" + bakery + "/twv-intermediary", Map.of("changedOn", "2025-03-01")).then().statusCode(200);
        post(EMPLOYERS + "/" + bakery + "/twv-intermediary", Map.of("changedOn", "2025-04-01",
                "twvIntermediary", Map.of("from", "2025-04-01"))).then().statusCode(200);
        BadInputTest.refused(post(EMPLOYERS + "/" + bakery + "/twv-intermediary", Map.of("changedOn", "2025-04-02",
                "twvIntermediary", Map.of("from", "2025-04-01"))).then(), "twv-intermediary-unchanged");
        post(EMPLOYERS + "/" + agency + "/contact-person", Map.of("changedOn", "2025-03-05",
                "contactPerson", Map.of("name", "Fatima El Amrani", "email", "fatima@flex.example"))).then().statusCode(200);

        UUID filledInPilot = Api.openVacancy(bakery, "production");
        post(VACANCIES + "/" + filledInPilot + "/filling", Map.of("filledOn", "2025-04-01", "participantId", participant.toString()))
                .then().statusCode(200);
        UUID closed = Api.openVacancy(bakery, "production");
        post(VACANCIES + "/" + closed + "/closure", Map.of("closedOn", "2025-05-01")).then().statusCode(200);
        UUID filledOutside = Api.openVacancy(agency, "logistics");
        post(VACANCIES + "/" + filledOutside + "/filling", Map.of("filledOn", "2025-04-15")).then().statusCode(200);
        UUID open = Api.openVacancy(agency, "logistics");
        BadInputTest.refusedOn(asLiaison().body(Api.vacancy(agency, "logistics", "2025-07-01", 1439)).post(VACANCIES).then(),
                "hourlyWageCents", "wage-below-minimum-wage");
        BadInputTest.refusedOn(post(VACANCIES + "/" + open + "/filling", Map.of("filledOn", "2025-04-01", "participantId", gone.toString()))
                .then(), "participantId", "participant-left-pilot");

        UUID fair = Api.recordJobFair("2025-03-12", List.of(bakery, agency));
        post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery)).then().statusCode(200);
        post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, agency)).then().statusCode(200);
        BadInputTest.notYetKnown(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(UUID.randomUUID(), agency)).then(),
                "participant-not-known-yet");
        UUID smallFair = Api.recordJobFair("2025-04-09", List.of(agency));

        Map<String, List<String>> before = rows();
        assertTrue(before.get("employers").size() >= 2 && before.get("job_fair_employers").size() >= 3, "a history to rebuild: " + before);
        List<String> contactPersonsBefore = contactPersons();

        empty();
        rows().forEach((table, rows) -> assertEquals(List.of(), rows, table + " emptied"));
        long applied = VertxContextSupport.subscribeAndAwait(views::replayAll);

        assertEquals(before, rows(), "every view row rebuilt from the event store");
        assertTrue(applied >= 15, "the whole store replayed: " + applied);
        assertEquals(contactPersonsBefore, contactPersons(), "the contact persons outlive the views");

        BadInputTest.refusedOn(asLiaison().body(BadInputTest.with(bakeryRegistration, "tradeName", "Another Name")).post(EMPLOYERS).then(),
                "kvkNumber", "kvk-number-already-registered");
        asLiaison().queryParam("kvkNumber", bakeryRegistration.get("kvkNumber")).get(EMPLOYERS).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].employerId", equalTo(bakery.toString()));
        asLiaison().get(EMPLOYERS + "/" + bakery).then().statusCode(200).header("ETag", "\"3\"")
                .body("contactPerson.name", equalTo("Jan de Vries")).body("twvIntermediary.from", equalTo("2025-04-01"));
        BadInputTest.refused(post(EMPLOYERS + "/" + bakery + "/twv-intermediary", Map.of("changedOn", "2025-04-02",
                "twvIntermediary", Map.of("from", "2025-04-01"))).then(), "twv-intermediary-unchanged");
        post(EMPLOYERS + "/" + agency + "/twv-intermediary", Map.of("changedOn", "2025-05-01",
                "twvIntermediary", Map.of("from", "2025-05-01"))).then().statusCode(200).header("ETag", "\"3\"")
                .body("contactPerson.name", equalTo("Fatima El Amrani")).body("contactPersonSince", equalTo("2025-03-05"));
        BadInputTest.refusedOn(post(EMPLOYERS + "/" + agency + "/contact-person", Map.of("changedOn", "2025-03-04",
                "contactPerson", Map.of("name", "Jan de Vries", "phone", "+31 20 1234567"))).then(), "changedOn",
                "date-before-previous-contact-person-change");

        BadInputTest.refused(post(VACANCIES + "/" + filledInPilot + "/closure", Map.of("closedOn", "2025-06-01")).then(), "vacancy-already-filled");
        BadInputTest.refused(post(VACANCIES + "/" + closed + "/filling", Map.of("filledOn", "2025-06-01")).then(), "vacancy-already-closed");
        post(VACANCIES + "/" + open + "/filling", Map.of("filledOn", "2025-06-01", "participantId", participant.toString()))
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("filled"));
        asLiaison().body(Api.vacancy(agency, "logistics", "2025-06-02", 1500)).post(VACANCIES).then().statusCode(201);
        BadInputTest.refusedOn(asLiaison().body(Api.vacancy(bakery, "production", "2025-02-02", 1500)).post(VACANCIES).then(),
                "openedOn", "date-before-employer-registration");
        asLiaison().queryParam("employerId", bakery.toString()).queryParam("status", "filled").get(VACANCIES).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].participantId", equalTo(participant.toString()));

        BadInputTest.refused(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery)).then(), "meeting-already-recorded");
        BadInputTest.refusedOn(post(JOB_FAIRS + "/" + smallFair + "/meetings", Map.of("participantId", participant.toString(),
                "employerId", bakery.toString(), "metOn", "2025-04-09")).then(), "employerId", "employer-not-at-fair");
        asLiaison().body(Api.jobFair("2025-06-11", List.of(bakery, agency))).post(JOB_FAIRS).then().statusCode(201);
        asLiaison().queryParam("employerId", bakery.toString()).get(JOB_FAIRS).then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.meetingCount", hasItem(2));
        asLiaison().get(EMPLOYERS + "/" + bakery + "/history").then().statusCode(200)
                .body("entries.streamId", hasItem(fair.toString())).body("entries.streamId", hasItem(closed.toString()));
    }

    private static Map<String, Object> meeting(UUID participant, UUID employer) {
        return Map.of("participantId", participant.toString(), "employerId", employer.toString(), "metOn", "2025-03-12");
    }

    /** Every row of every view, each as its columns' values, in key order. */
    private static Map<String, List<String>> rows() throws SQLException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (Connection connection = PostgresServer.shared().connect("employer"); Statement query = connection.createStatement()) {
            for (Map.Entry<String, String> view : VIEWS.entrySet()) {
                all.put(view.getKey(), rowsOf(query, "SELECT * FROM " + view.getKey() + " ORDER BY " + view.getValue()));
            }
        }
        return all;
    }

    private static List<String> contactPersons() throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("employer"); Statement query = connection.createStatement()) {
            return rowsOf(query, "SELECT * FROM employer_contact_persons ORDER BY employer_id");
        }
    }

    private static List<String> rowsOf(Statement query, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery(sql)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(columns.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static void empty() throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("employer"); Statement delete = connection.createStatement()) {
            for (String view : VIEWS.keySet()) {
                delete.executeUpdate("DELETE FROM " + view);
            }
        }
    }
}
