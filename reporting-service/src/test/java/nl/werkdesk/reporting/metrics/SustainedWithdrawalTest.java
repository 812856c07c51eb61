package nl.werkdesk.reporting.metrics;

import static nl.werkdesk.reporting.Api.REBUILDS;
import static nl.werkdesk.reporting.Api.as;
import static nl.werkdesk.reporting.Api.evaluation;
import static nl.werkdesk.reporting.Api.metric;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustainedWithdrawn;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * A placement counts as sustained from its PlacementSustained until its PlacementSustainedWithdrawn, by their dates:
 * reporting applies the withdrawal placement-service publishes and derives none from an end. The live consumers and a
 * projection rebuild from the topics give the same figures as of every date.
 */
@QuarkusTest
class SustainedWithdrawalTest {

    /** Per placement, its participant. */
    private final Map<UUID, UUID> participants = new HashMap<>();

    @Test
    void takesAPlacementOutOfTheSustainedCountFromTheDateOfItsPublishedWithdrawal() throws Exception {
        PilotScenario scope = new PilotScenario();
        UUID endedLate = placementSustainedOn(scope, "2025-08-04");
        UUID withdrawn = placementSustainedOn(scope, "2025-08-04");
        Events.publishAndAwait(new PlacementEnded(endedLate, participantOf(endedLate), Events.date("2025-07-01"), EndReason.DISMISSED));
        assertEquals(List.of(2, 2, 2), sustained(scope, "2025-08-04", "2025-09-01", "2025-12-31"),
                "an end alone withdraws nothing: placement-service says so when it does");

        Events.publishAndAwait(new PlacementSustainedWithdrawn(withdrawn, participantOf(withdrawn), Events.date("2025-09-01")));
        assertEquals(List.of(0, 2, 1, 1), sustained(scope, "2025-08-03", "2025-08-31", "2025-09-01", "2025-12-31"),
                "withdrawn from 2025-09-01 on, not before");
        assertEquals(1, metric(Roles.FINANCE, "funnel", Map.of("location", scope.location, "asOf", "2025-12-31"))
                .getInt("stages.find { it.stage == 'sustained' }.participants"));

        int generation = as(Roles.OPERATOR).post(REBUILDS).then().statusCode(202).extract().path("generation");
        await().atMost(Events.PROCESSED).until(() -> "completed".equals(as(Roles.OPERATOR).get(REBUILDS + "/" + generation).path("status")));
        assertEquals(LocalDate.of(2025, 9, 1), withdrawnOn(generation, withdrawn), "the rebuild writes the withdrawal too");
        assertEquals(List.of(0, 2, 1, 1), sustained(scope, "2025-08-03", "2025-08-31", "2025-09-01", "2025-12-31"));
    }

    /**
     * The evaluation figures read no milestone: retention and earnings follow the start and the end. A withdrawal comes
     * with an end dated before the milestone (placement-service publishes both, on the end's date), so the placement that
     * no longer counts as sustained is also the one that ended before day 182 of the retention curve, and earned up to its
     * end (the first day out of the job).
     */
    @Test
    void agreesWithTheRetentionAndEarningsFiguresOnAWithdrawnMilestone() {
        PilotScenario scope = new PilotScenario();
        UUID kept = placementSustainedOn(scope, "2025-08-04");
        UUID withdrawn = placementSustainedOn(scope, "2025-08-04");
        LocalDate startedOn = Events.date("2025-02-03");
        LocalDate endedOn = startedOn.plusWeeks(20);
        Events.publishAndAwait(new PlacementEnded(withdrawn, participantOf(withdrawn), endedOn, EndReason.DISMISSED),
                new PlacementSustainedWithdrawn(withdrawn, participantOf(withdrawn), endedOn));

        LocalDate asOf = Events.date("2025-09-01");
        Map<String, String> parameters = Map.of("location", scope.location, "asOf", asOf.toString());
        assertEquals(1, metric(Roles.FINANCE, "summary", parameters).getInt("sustainedPlacements"), "only " + kept + " is sustained");
        JsonPath retention = evaluation(Roles.FINANCE, "placement-retention", parameters);
        assertEquals(List.of(2, 1, 1), List.of(retention.getInt("placements"), retention.getInt("ended"), retention.getInt("censored")));
        assertEquals(1, retention.getInt("retainedAt26Weeks.events"), "the withdrawn one ended before day 182");
        assertEquals(0.5, retention.getDouble("retainedAt26Weeks.value"), 0.0, "retained at 26 weeks: the sustained one of the two");
        JsonPath earnings = evaluation(Roles.FINANCE, "earnings", parameters);
        assertEquals(ChronoUnit.DAYS.between(startedOn, endedOn) + ChronoUnit.DAYS.between(startedOn, asOf.plusDays(1)),
                earnings.getLong("daysInWork"), "the withdrawn one worked up to its end, the other through asOf");
    }

    /** A participant of the scope with a placement started 26 weeks before {@code sustainedOn} and sustained then. */
    private UUID placementSustainedOn(PilotScenario scope, String sustainedOn) {
        UUID participant = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        LocalDate milestone = Events.date(sustainedOn);
        Events.publishAndAwait(scope.registered(participant, "2025-01-06"), new PlacementStarted(placement, participant, UUID.randomUUID(),
                UUID.randomUUID(), null, Sector.CLEANING, scope.location, milestone.minusWeeks(26), 32, 1_450, ContractType.PERMANENT),
                new PlacementSustained(placement, participant, milestone));
        participants.put(placement, participant);
        return placement;
    }

    private UUID participantOf(UUID placement) {
        return participants.get(placement);
    }

    private static List<Integer> sustained(PilotScenario scope, String... asOf) {
        return Arrays.stream(asOf)
                .map(date -> metric(Roles.FINANCE, "summary", Map.of("location", scope.location, "asOf", date)).getInt("sustainedPlacements"))
                .toList();
    }

    private static LocalDate withdrawnOn(int generation, UUID placement) throws Exception {
        try (Connection db = PostgresServer.shared().connect(TestResources.DATABASE);
             PreparedStatement query = db.prepareStatement(
                     "SELECT sustained_withdrawn_on FROM placement_facts WHERE generation = ? AND placement_id = ?")) {
            query.setInt(1, generation);
            query.setObject(2, placement);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1, LocalDate.class) : null;
            }
        }
    }
}
