package nl.werkdesk.placement.rest;

import static nl.werkdesk.placement.rest.Api.PLACEMENTS;
import static nl.werkdesk.placement.rest.Api.asCaseworker;
import static nl.werkdesk.placement.rest.Api.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.eventsourcing.command.ViewRebuild;
import nl.werkdesk.placement.automation.SustainedMilestoneCheck;
import nl.werkdesk.placement.domain.PlacementRejection;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * placement-service's own view (the placement list) is disposable: after a varied history, played through REST and the
 * other services' topics, its rows are dropped and rebuilt from the event store alone, equal to the last value; and the
 * commands that follow, the background ones too, come out as they would have. The known_* tables are not this service's
 * facts but copies of other services' (their consumers rebuild them from the topics), so they stay.
 */
@QuarkusTest
class ViewRebuildTest {

    @Inject
    ViewRebuild views;
    @Inject
    SustainedMilestoneCheck check;

    @Test
    void rebuildsThePlacementListFromTheEventStoreAndDecidesTheSameAfterwards() throws Throwable {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Pilot.Job endedJob = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        UUID changedAndEnded = Api.start(Api.startBody(endedJob, Pilot.START));
        post(changedAndEnded, "changes", Map.of("changedOn", "2025-06-01", "hoursPerWeek", 38, "hourlyWageCents", 1510)).then().statusCode(200);
        post(changedAndEnded, "end", Map.of("endedOn", "2025-08-31", "reason", "contract-ended")).then().statusCode(200);

        Pilot.Job relocatedJob = Pilot.jobOnTwv("Kabelweg", "Zaandam");
        UUID relocated = Api.start(Api.startBody(relocatedJob, Pilot.START));
        Pilot.participantEvent(new ParticipantEvent.RelocatedByCOA(relocatedJob.participantId(), "Kabelweg", "Ter Apel", LocalDate.of(2025, 5, 12)));
        awaitAtRisk(relocated, true);
        post(relocated, "continuation", Map.of("confirmedOn", "2025-05-14")).then().statusCode(200);
        Pilot.participantEvent(new ParticipantEvent.AsylumApplicationRejected(relocatedJob.participantId(), LocalDate.of(2025, 6, 2),
                LocalDate.of(2025, 6, 30)));
        awaitAtRisk(relocated, true);

        Pilot.Job expiringJob = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        UUID onExpiredTwv = Api.start(Api.startBody(expiringJob, Pilot.START));
        Pilot.permitEvent(new PermitEvent.TwvExpired(expiringJob.permitId(), expiringJob.participantId(), LocalDate.of(2026, 3, 2)));
        awaitAtRisk(onExpiredTwv, true);

        UUID statusHolder = Pilot.participant("Provincialeweg", Pilot.MAY_WORK_FROM, Pilot.W_DOCUMENT_UNTIL);
        Pilot.intake(statusHolder, Pilot.INTAKE);
        Pilot.participantEvent(new ParticipantEvent.ResidencePermitGranted(statusHolder, LocalDate.of(2025, 3, 3)));
        UUID employer = UUID.randomUUID();
        UUID withoutTwv = Api.start(Api.startBody(statusHolder, employer, Pilot.vacancy(employer, "Diemen", Pilot.VACANCY_OPENED), "2025-03-10"));

        UUID withdrawn = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        VertxContextSupport.subscribeAndAwait(() -> check.check(today));
        post(withdrawn, "end", Map.of("endedOn", "2025-09-30", "reason", "dismissed")).then().statusCode(200).header("ETag", "\"4\"");
        Api.refusal(post(onExpiredTwv, "changes", Map.of("changedOn", "2025-05-01", "hoursPerWeek", 32, "hourlyWageCents", 1425)).then(),
                PlacementRejection.NOTHING_CHANGES);
        Api.refusal(post(withoutTwv, "end", Map.of("endedOn", "2025-03-01", "reason", "quit")).then(), PlacementRejection.DATE_BEFORE_START);

        List<Map<String, Object>> before = rows();
        assertTrue(before.size() >= 5, "the history has rows to rebuild: " + before.size());
        String atRiskBefore = atRiskList();
        empty();
        assertEquals(List.of(), rows());
        long applied = VertxContextSupport.subscribeAndAwait(views::replayAll);

        assertEquals(before, rows(), "every row of the placement list, rebuilt from the event store");
        assertTrue(applied >= 17, "every stored event was applied: " + applied);
        assertEquals(atRiskBefore, atRiskList());

        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> check.check(today)),
                "every due milestone is recorded, the withdrawn one is not recorded again");
        post(relocated, "continuation", Map.of("confirmedOn", "2025-06-03")).then().statusCode(200).header("ETag", "\"6\"")
                .body("atRisk", equalTo(false));
        Pilot.participantEvent(new ParticipantEvent.RelocatedByCOA(relocatedJob.participantId(), "Ter Apel", "Budel", LocalDate.of(2025, 7, 1)));
        awaitAtRisk(relocated, true);
        Api.get(relocated).then().header("ETag", "\"7\"").body("risks[0].reason", equalTo("relocated-out-of-region"));
        Api.refusal(post(changedAndEnded, "changes", Map.of("changedOn", "2025-09-01", "hoursPerWeek", 20, "hourlyWageCents", 1510)).then(),
                PlacementRejection.PLACEMENT_ENDED);
        post(onExpiredTwv, "end", Map.of("endedOn", "2026-03-02", "reason", "other")).then().statusCode(200).header("ETag", "\"4\"")
                .body("sustainedOn", equalTo("2025-10-06"));
        Api.get(withdrawn).then().header("ETag", "\"4\"").body("sustainedOn", nullValue());
        asCaseworker().queryParam("atRisk", "true").queryParam("pageSize", 100).get(PLACEMENTS).then().statusCode(200)
                .body("items.placementId", hasItem(relocated.toString())).body("items.placementId", not(hasItem(onExpiredTwv.toString())));
        Api.refusedStart(Api.startBody(expiringJob, "2026-03-02"), PlacementRejection.ELIGIBILITY_ENDED);
        Api.startWhenKnown(Api.startBody(endedJob, "2025-09-15")).then().statusCode(201).header("ETag", "\"1\"");
    }

    private static void awaitAtRisk(UUID placementId, boolean atRisk) {
        await().atMost(Api.PROPAGATED).until(() -> Boolean.valueOf(atRisk).equals(Api.get(placementId).path("atRisk")));
    }

    private static String atRiskList() {
        return asCaseworker().queryParam("atRisk", "true").queryParam("pageSize", 100).get(PLACEMENTS).then().statusCode(200)
                .extract().asString();
    }

    /** Every row of the placement list, every column, in placement id order. */
    private static List<Map<String, Object>> rows() throws Exception {
        try (Connection db = PostgresServer.shared().connect("placement");
             ResultSet rows = db.createStatement().executeQuery("SELECT * FROM placements ORDER BY placement_id")) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> all = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), rows.getObject(i));
                }
                all.add(row);
            }
            return all;
        }
    }

    private static void empty() throws Exception {
        try (Connection db = PostgresServer.shared().connect("placement")) {
            db.createStatement().executeUpdate("DELETE FROM placements");
        }
    }
}
