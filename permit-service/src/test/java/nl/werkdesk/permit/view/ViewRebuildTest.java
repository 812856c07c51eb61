package nl.werkdesk.permit.view;

import static nl.werkdesk.permit.Api.ELIGIBLE_FROM;
import static nl.werkdesk.permit.Api.PERMITS;
import static nl.werkdesk.permit.Api.REGISTERED_ON;
import static nl.werkdesk.permit.Api.W_DOCUMENT_ENDS;
import static nl.werkdesk.permit.Api.asOfficer;
import static nl.werkdesk.permit.Api.get;
import static nl.werkdesk.permit.Api.post;
import static nl.werkdesk.permit.Api.requestBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.werkdesk.contracts.participant.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.eventsourcing.command.ViewRebuild;
import nl.werkdesk.permit.Api;
import nl.werkdesk.permit.Api.Parties;
import nl.werkdesk.permit.OtherServices;
import nl.werkdesk.permit.automation.PermitAutomation;
import org.junit.jupiter.api.Test;

/**
 * The permit list is disposable: after a varied history (every command, refusals, the other services' news), emptied
 * and rebuilt from the event store alone, every row is as it was, and the commands that follow decide as they would
 * have: what a request waits for lives in its stream, not in the list.
 */
@QuarkusTest
class ViewRebuildTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    static final String PROBLEM = "urn:nld:werkdesk:problem:";
    /** Every column of every row of the permit list, the one view the permit's projection writes. */
    static final String ROWS = "SELECT row_to_json(p)::text FROM permits p ORDER BY permit_id";

    @Inject
    ViewRebuild views;
    @Inject
    PermitAutomation automation;

    @Test
    void rebuildsThePermitListFromTheEventStoreAndDecidesAfterwardsAsBefore() {
        Parties parties = Api.knownParties();
        UUID granted = Api.granted(parties, "2026-01-05", "2026-01-06", "2026-01-20");
        UUID refused = Api.request(requestBody(parties, "2026-03-02", "2026-02-02"));
        post(refused, "completion", Map.of("completedOn", "2026-02-09")).then().statusCode(200);
        post(refused, "decision", Map.of("outcome", "refused", "decidedOn", "2026-03-23", "refusalReason", "wage-not-market-rate"))
                .then().statusCode(200);
        UUID withdrawn = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(withdrawn, "withdrawal", Map.of("withdrawnOn", "2026-01-20")).then().statusCode(200);
        UUID expired = Api.request(requestBody(parties, "2025-06-30", "2025-06-02"));
        post(expired, "completion", Map.of("completedOn", "2025-06-03")).then().statusCode(200);
        post(expired, "decision", Map.of("outcome", "granted", "decidedOn", "2025-06-30", "validFrom", "2025-06-30",
                "validUntil", "2025-12-31")).then().statusCode(200);
        post(expired, "decision", Map.of("outcome", "refused", "decidedOn", "2025-07-01", "refusalReason", "other")).then()
                .statusCode(409).body("type", equalTo(PROBLEM + "already-granted"));
        post(expired, "expiry", Map.of("expiredOn", "2026-01-01")).then().statusCode(200);
        UUID declined = Api.request(requestBody(parties, "2025-03-01", "2025-02-20"));
        get(declined).then().body("status", equalTo("declined"));
        UUID requested = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(requested, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "other")).then()
                .statusCode(409).body("type", equalTo(PROBLEM + "application-not-complete"));

        // Requests that wait: for a participant who then arrives, for one who never does, for an employer.
        UUID arriving = UUID.randomUUID();
        UUID screened = Api.request(requestBody(arriving, parties.employerId(), "2026-02-01", "2026-01-05"));
        UUID unseen = UUID.randomUUID();
        UUID waitingForParticipant = Api.request(requestBody(unseen, parties.employerId(), "2026-02-01", "2026-01-05"));
        post(waitingForParticipant, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "participant-not-known-yet"));
        UUID lateEmployer = UUID.randomUUID();
        UUID waitingForEmployer = Api.request(requestBody(parties.participantId(), lateEmployer, "2026-02-01", "2026-01-05"));
        OtherServices.participant(OtherServices.registered(arriving, REGISTERED_ON, ELIGIBLE_FROM, W_DOCUMENT_ENDS), 1);
        Api.awaitStatus(screened, "requested");

        // The other services' news: a residence permit, and a rejection whose end of reception has come.
        Parties statusHolder = Api.knownParties();
        UUID notRequired = Api.request(requestBody(statusHolder, "2026-02-01", "2026-01-05"));
        OtherServices.participant(new ResidencePermitGranted(statusHolder.participantId(), LocalDate.of(2026, 2, 1)), 2);
        Api.awaitStatus(notRequired, "no-longer-required");
        Parties rejected = Api.knownParties();
        UUID ended = Api.request(requestBody(rejected, "2026-02-01", "2026-01-05"));
        OtherServices.participant(new AsylumApplicationRejected(rejected.participantId(), TODAY.minusDays(30), TODAY.minusDays(2)), 2);
        Api.awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ? AND reception_ends_on IS NOT NULL", rejected.participantId());
        await(() -> automation.applyDueDates(TODAY));
        get(ended).then().body("status", equalTo("ended"));

        List<String> before = Api.query(ROWS);
        for (UUID mine : List.of(granted, refused, withdrawn, expired, declined, requested, screened, waitingForParticipant,
                waitingForEmployer, notRequired, ended)) {
            assertTrue(before.stream().anyMatch(row -> row.contains(mine.toString())), "a row of the history: " + mine);
        }
        Api.execute("DELETE FROM permits");
        assertEquals(List.of(), Api.query(ROWS));
        long applied = await(views::replayAll);
        assertEquals(before, Api.query(ROWS), "every row of the permit list, rebuilt from the event store alone");
        assertEquals(Api.query("SELECT count(*) FROM events"), List.of(String.valueOf(applied)), "every stored event was applied");

        // What the requests wait for came back from their streams: the list shows it, and the decisions follow it.
        asOfficer().queryParam("participantId", unseen.toString()).queryParam("status", "pending-information").get(PERMITS).then()
                .statusCode(200).body("items.permitId", contains(waitingForParticipant.toString()))
                .body("items[0].pendingInformation", contains("participant"));
        post(waitingForParticipant, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .header("Retry-After", "2").body("type", equalTo(PROBLEM + "participant-not-known-yet"));
        post(waitingForEmployer, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "employer-not-known-yet"));
        OtherServices.employerRegistered(lateEmployer, LocalDate.of(2026, 1, 7));
        Api.awaitStatus(waitingForEmployer, "requested");
        post(waitingForEmployer, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200)
                .body("status", equalTo("application-complete"));
        post(screened, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200);
        post(requested, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200).header("ETag", "\"2\"");
        post(granted, "withdrawal", Map.of("withdrawnOn", "2026-02-02")).then().statusCode(409).body("type", equalTo(PROBLEM + "already-granted"));
        post(declined, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "request-declined"));
        post(ended, "withdrawal", Map.of("withdrawnOn", TODAY.toString())).then().statusCode(409).body("type", equalTo(PROBLEM + "permit-closed"));
        asOfficer().queryParam("participantId", parties.participantId().toString()).queryParam("status", "application-complete")
                .get(PERMITS).then().statusCode(200)
                .body("items.permitId", containsInAnyOrder(waitingForEmployer.toString(), requested.toString()));
        Api.assertTypes(waitingForEmployer, "twv-requested", "twv-application-completed");
        assertEquals(List.of("twv-requested", "screening-deferred", "information-received", "twv-application-completed"),
                Api.storedTypes(waitingForEmployer));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }
}
