package nl.werkdesk.permit.messaging;

import static nl.werkdesk.permit.Api.ELIGIBLE_FROM;
import static nl.werkdesk.permit.Api.PERMITS;
import static nl.werkdesk.permit.Api.REGISTERED_ON;
import static nl.werkdesk.permit.Api.W_DOCUMENT_ENDS;
import static nl.werkdesk.permit.Api.asOfficer;
import static nl.werkdesk.permit.Api.get;
import static nl.werkdesk.permit.Api.post;
import static nl.werkdesk.permit.Api.requestBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
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
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.permit.Api;
import nl.werkdesk.permit.Api.Parties;
import nl.werkdesk.permit.OtherServices;
import nl.werkdesk.permit.automation.DueDatesJob;
import nl.werkdesk.permit.automation.PermitAutomation;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The TWV rules driven by the other services' events, published onto the real broker as their relays would:
 * requests that arrive before the participant or employer, decisions on arrival, residence permits, rejections
 * and the due-dates job, duplicates and events that can never be applied.
 */
@QuarkusTest
class CrossTopicTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    static final String DEAD_LETTERS = Topics.deadLetter("permit-service");
    static final String PROBLEM = "urn:nld:werkdesk:problem:";

    @Inject
    PermitAutomation automation;
    @Inject
    DueDatesJob job;
    @Inject
    Scheduler scheduler;

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void aRequestForAParticipantNotSeenYetWaitsAndProceedsWhenTheRegistrationArrives() {
        UUID participant = UUID.randomUUID();
        UUID employer = knownEmployer();
        UUID id = UUID.fromString(asOfficer().body(requestBody(participant, employer, "2026-02-01", "2026-01-05")).post(PERMITS).then()
                .statusCode(201)
                .body("status", equalTo("pending-information"))
                .body("pendingInformation", contains("participant"))
                .extract().path("permitId"));
        asOfficer().queryParam("participantId", participant.toString()).queryParam("status", "pending-information").get(PERMITS).then()
                .statusCode(200).body("items.permitId", contains(id.toString())).body("items[0].pendingInformation", contains("participant"));
        post(id, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo(PROBLEM + "participant-not-known-yet"));

        OtherServices.participant(OtherServices.registered(participant, REGISTERED_ON, ELIGIBLE_FROM, W_DOCUMENT_ENDS), 1);
        Api.awaitStatus(id, "requested");
        get(id).then().body("pendingInformation", empty());
        post(id, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200).body("status", equalTo("application-complete"));
        Api.assertTypes(id, "twv-requested", "twv-application-completed");
        assertEquals(List.of("twv-requested", "screening-deferred", "information-received", "twv-application-completed"),
                Api.storedTypes(id), "the wait and the arrival are events of the permit");
    }

    @Test
    void tellsAParticipantNotSeenYetFromOneWhoIsKnownAndMayNotWork() {
        UUID employer = knownEmployer();
        UUID unseen = UUID.randomUUID();
        UUID waiting = Api.request(requestBody(unseen, employer, "2026-02-01", "2026-01-05"));
        get(waiting).then().body("status", equalTo("pending-information"));
        post(waiting, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .header("Retry-After", "2").body("type", equalTo(PROBLEM + "participant-not-known-yet"));

        UUID neverEligible = UUID.randomUUID();
        OtherServices.participant(OtherServices.registered(neverEligible, REGISTERED_ON, null, W_DOCUMENT_ENDS), 1);
        Api.awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ?", neverEligible);
        UUID declined = Api.request(requestBody(neverEligible, employer, "2026-02-01", "2026-01-05"));
        get(declined).then().body("status", equalTo("declined")).body("declineReason", equalTo("not-eligible"));
        post(declined, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(409)
                .header("Retry-After", nullValue()).body("type", equalTo(PROBLEM + "request-declined"));
        Api.assertTypes(declined, "twv-requested", "twv-request-declined");
        assertEquals(List.of("twv-requested", "screening-deferred"), Api.storedTypes(waiting));
    }

    @Test
    void aWaitingRequestIsDeclinedOnArrivalWhenTheParticipantMayNotWorkYetOnTheStartDate() {
        UUID participant = UUID.randomUUID();
        UUID id = Api.request(requestBody(participant, knownEmployer(), "2026-03-01", "2026-01-05"));
        UUID registration = OtherServices.participant(OtherServices.registered(participant, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 5, 1), W_DOCUMENT_ENDS), 1);
        Api.awaitStatus(id, "declined");
        get(id).then().statusCode(200)
                .body("declineReason", equalTo("not-yet-eligible"))
                .body("eligibleFrom", equalTo("2026-05-01"))
                .body("closedOn", equalTo("2026-01-10"))
                .body("pendingInformation", empty());
        Api.assertTypes(id, "twv-requested", "twv-request-declined");
        assertEquals(List.of("twv-requested", "screening-deferred", "information-received", "twv-request-declined"), Api.storedTypes(id));
        assertCausedBy(id, 3, "consumer:permit-service-participants", registration);
        assertCausedBy(id, 4, "consumer:permit-service-participants", registration);
    }

    @Test
    void aRequestForAnEmployerNotSeenYetWaitsUntilTheEmployerIsRegistered() {
        Parties known = Api.knownParties();
        UUID employer = UUID.randomUUID();
        UUID id = UUID.fromString(asOfficer().body(requestBody(known.participantId(), employer, "2026-02-01", "2026-01-05")).post(PERMITS)
                .then().statusCode(201).body("pendingInformation", contains("employer")).extract().path("permitId"));
        OtherServices.employerRegistered(employer, LocalDate.of(2026, 1, 7));
        Api.awaitStatus(id, "requested");
        Api.assertTypes(id, "twv-requested");
        assertEquals(List.of("twv-requested", "screening-deferred", "information-received"), Api.storedTypes(id));
        assertEquals(List.of("2026-01-07"), Api.query("SELECT (occurred_at AT TIME ZONE 'Europe/Amsterdam')::date FROM events WHERE stream_id = ? AND version = 3", id),
                "received on the employer's registration, which came after the request");
    }

    @Test
    void declinesAtOnceARequestForAParticipantWhoMayNeverWorkOrIsAStatusHolder() {
        UUID employer = knownEmployer();
        UUID never = UUID.randomUUID();
        OtherServices.participant(OtherServices.registered(never, REGISTERED_ON, null, W_DOCUMENT_ENDS), 1);
        Api.awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ?", never);
        UUID neverPermit = UUID.fromString(asOfficer().body(requestBody(never, employer, "2026-02-01", "2026-01-05")).post(PERMITS).then()
                .statusCode(201).header("ETag", "\"2\"")
                .body("status", equalTo("declined"))
                .body("declineReason", equalTo("not-eligible"))
                .body("eligibleFrom", nullValue())
                .body("closedOn", equalTo("2026-01-05"))
                .extract().path("permitId"));
        Api.assertTypes(neverPermit, "twv-requested", "twv-request-declined");

        UUID statusHolder = UUID.randomUUID();
        OtherServices.participant(OtherServices.registered(statusHolder, REGISTERED_ON, ELIGIBLE_FROM, W_DOCUMENT_ENDS), 1);
        OtherServices.participant(new ResidencePermitGranted(statusHolder, LocalDate.of(2025, 9, 1)), 2);
        Api.awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ? AND status_holder_since IS NOT NULL", statusHolder);
        asOfficer().body(requestBody(statusHolder, employer, "2026-02-01", "2026-01-05")).post(PERMITS).then().statusCode(201)
                .body("status", equalTo("declined")).body("declineReason", equalTo("not-required-status-holder"));
    }

    @Test
    void aResidencePermitEndsPendingAndGrantedTwvsAsNoLongerRequired() {
        Parties parties = Api.knownParties();
        UUID pending = Api.request(requestBody(parties, "2026-04-01", "2026-03-02"));
        UUID granted = Api.granted(parties, "2026-01-05", "2026-01-06", "2026-01-20");
        UUID withdrawn = Api.request(requestBody(parties, "2026-04-01", "2026-03-02"));
        post(withdrawn, "withdrawal", Map.of("withdrawnOn", "2026-03-03")).then().statusCode(200);

        UUID residencePermit = OtherServices.participant(new ResidencePermitGranted(parties.participantId(), LocalDate.of(2026, 3, 10)), 2);
        Api.awaitStatus(pending, "no-longer-required");
        Api.awaitStatus(granted, "no-longer-required");
        get(granted).then().body("closedOn", equalTo("2026-03-10")).body("validUntil", equalTo(W_DOCUMENT_ENDS.toString()));
        Api.assertTypes(pending, "twv-requested", "twv-no-longer-required");
        Api.assertTypes(granted, "twv-requested", "twv-application-completed", "twv-granted", "twv-no-longer-required");
        Api.assertTypes(withdrawn, "twv-requested", "twv-withdrawn");
        assertCausedBy(pending, 2, "consumer:permit-service-participants", residencePermit);
    }

    @Test
    void anAsylumRejectionEndsOpenTwvsOnTheDayReceptionEndsAndNotBefore() {
        Parties parties = Api.knownParties();
        UUID pending = Api.request(requestBody(parties, TODAY.plusDays(40).toString(), TODAY.minusDays(20).toString()));
        UUID complete = Api.request(requestBody(parties, TODAY.plusDays(40).toString(), TODAY.minusDays(20).toString()));
        post(complete, "completion", Map.of("completedOn", TODAY.minusDays(15).toString())).then().statusCode(200);
        UUID granted = Api.granted(parties, TODAY.minusDays(60).toString(), TODAY.minusDays(59).toString(), TODAY.minusDays(30).toString());
        LocalDate receptionEnds = TODAY.plusDays(20);
        UUID rejection = OtherServices.participant(new AsylumApplicationRejected(parties.participantId(), TODAY.minusDays(8), receptionEnds), 2);
        Api.awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ? AND reception_ends_on IS NOT NULL", parties.participantId());

        applyDueDates(TODAY);
        applyDueDates(receptionEnds);
        get(pending).then().body("status", equalTo("requested"));
        get(complete).then().body("status", equalTo("application-complete"));
        get(granted).then().body("status", equalTo("granted"));

        applyDueDates(receptionEnds.plusDays(1));
        applyDueDates(receptionEnds.plusDays(2));
        for (UUID id : List.of(pending, complete, granted)) {
            get(id).then().statusCode(200).body("status", equalTo("ended")).body("closedOn", equalTo(receptionEnds.plusDays(1).toString()))
                    .body("endReason", equalTo("reception-ended"));
        }
        Api.assertTypes(pending, "twv-requested", "twv-ended");
        Api.assertTypes(complete, "twv-requested", "twv-application-completed", "twv-ended");
        Api.assertTypes(granted, "twv-requested", "twv-application-completed", "twv-granted", "twv-ended");
        assertCausedBy(granted, 4, PermitAutomation.DUE_DATES, rejection);
    }

    @Test
    void theScheduledJobExpiresGrantedTwvsPastTheirLastValidDay() {
        assertNotNull(scheduler.getScheduledJob(DueDatesJob.IDENTITY), "the due-dates job is scheduled");
        Parties parties = Api.knownParties();
        UUID id = Api.request(requestBody(parties, TODAY.minusDays(40).toString(), TODAY.minusDays(60).toString()));
        post(id, "completion", Map.of("completedOn", TODAY.minusDays(59).toString())).then().statusCode(200);
        post(id, "decision", Map.of("outcome", "granted", "decidedOn", TODAY.minusDays(40).toString(),
                "validFrom", TODAY.minusDays(40).toString(), "validUntil", TODAY.minusDays(3).toString())).then().statusCode(200);
        await(() -> job.run());
        get(id).then().statusCode(200).body("status", equalTo("expired")).body("closedOn", equalTo(TODAY.minusDays(2).toString()));
        Api.assertTypes(id, "twv-requested", "twv-application-completed", "twv-granted", "twv-expired");
        assertEquals(List.of(PermitAutomation.DUE_DATES), Api.query("SELECT metadata->>'actor' FROM events WHERE stream_id = ? AND version = 4", id));
    }

    @Test
    void theJobScreensARequestWhoseInformationArrivedWhileItWasBeingMade() {
        UUID participant = UUID.randomUUID();
        UUID id = Api.request(requestBody(participant, knownEmployer(), "2026-02-01", "2026-01-05"));
        get(id).then().body("status", equalTo("pending-information"));
        // What a registration consumed between the request's look-up and its commit leaves: known, but never screened.
        Api.execute("INSERT INTO known_participants (participant_id, registered_on, eligible_from, eligible_until) VALUES (?, ?, ?, ?)",
                participant, REGISTERED_ON, LocalDate.of(2026, 6, 1), W_DOCUMENT_ENDS);
        applyDueDates(TODAY);
        get(id).then().statusCode(200).body("status", equalTo("declined")).body("declineReason", equalTo("not-yet-eligible"))
                .body("eligibleFrom", equalTo("2026-06-01")).body("pendingInformation", empty());
        Api.assertTypes(id, "twv-requested", "twv-request-declined");
        assertEquals(List.of(PermitAutomation.DUE_DATES, PermitAutomation.DUE_DATES),
                Api.query("SELECT metadata->>'actor' FROM events WHERE stream_id = ? AND version IN (3, 4) ORDER BY version", id));
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        UUID participant = UUID.randomUUID();
        UUID id = Api.request(requestBody(participant, knownEmployer(), "2026-02-01", "2026-01-05"));
        UUID registration = UUID.randomUUID();
        ParticipantEvent registered = OtherServices.registered(participant, REGISTERED_ON, ELIGIBLE_FROM, W_DOCUMENT_ENDS);
        OtherServices.publish(ParticipantEvent.CATALOG, participant, 1, registered, registration);
        OtherServices.publish(ParticipantEvent.CATALOG, participant, 1, registered, registration);
        // Same key, same partition: once this later event has had its effect, both copies were handled before it.
        OtherServices.participant(new ResidencePermitGranted(participant, LocalDate.of(2026, 3, 10)), 2);
        Api.awaitStatus(id, "no-longer-required");

        Api.assertTypes(id, "twv-requested", "twv-no-longer-required");
        assertEquals(List.of("1"), Api.query("SELECT count(*) FROM processed_events WHERE event_id = ?", registration));
        List<ConsumerRecord<String, String>> parked = topic.readAll(DEAD_LETTERS).stream()
                .filter(record -> participant.toString().equals(record.key())).toList();
        assertTrue(parked.isEmpty(), "a copy of the registration was applied again: " + parked);
    }

    @Test
    void parksAnEventAboutAParticipantItNeverHeardOfOnTheDeadLetterTopic() {
        UUID stranger = UUID.randomUUID();
        OtherServices.participant(new ResidencePermitGranted(stranger, LocalDate.of(2026, 3, 10)), 2);
        ConsumerRecord<String, String> parked = topic.await(DEAD_LETTERS, record -> stranger.toString().equals(record.key()), 1,
                Api.PUBLISHED).get(0);
        // The reason is a sentence for the operator; the facts are: parked on purpose (a PoisonMessage of the consumer's own,
        // not a failure while applying it), where it came from and whom it is about.
        assertEquals(PoisonMessage.class.getName(), KafkaTopicReader.header(parked, "dead-letter-exception-class-name"));
        assertNull(KafkaTopicReader.header(parked, "dead-letter-cause-class-name"));
        assertEquals(Topics.PARTICIPANTS, KafkaTopicReader.header(parked, "dead-letter-topic"));
        String reason = KafkaTopicReader.header(parked, "dead-letter-reason");
        assertTrue(reason != null && reason.contains(stranger.toString()), String.valueOf(reason));
    }

    private static UUID knownEmployer() {
        UUID employer = UUID.randomUUID();
        OtherServices.employerRegistered(employer, REGISTERED_ON);
        Api.awaitRow("SELECT 1 FROM known_employers WHERE employer_id = ?", employer);
        return employer;
    }

    private void applyDueDates(LocalDate on) {
        await(() -> automation.applyDueDates(on));
    }

    private static void assertCausedBy(UUID permitId, int version, String actor, UUID causingEventId) {
        assertEquals(List.of(actor + " " + causingEventId), Api.query(
                "SELECT (metadata->>'actor') || ' ' || (metadata->>'causationId') FROM events WHERE stream_id = ? AND version = ?",
                permitId, version));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }
}
