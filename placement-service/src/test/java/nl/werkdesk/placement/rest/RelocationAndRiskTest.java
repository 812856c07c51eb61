package nl.werkdesk.placement.rest;

import static nl.werkdesk.placement.rest.Api.PLACEMENTS;
import static nl.werkdesk.placement.rest.Api.asCaseworker;
import static nl.werkdesk.placement.rest.Api.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.eventsourcing.consumer.PoisonMessage;
import nl.werkdesk.placement.domain.PlacementRejection;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * What other services publish puts placements at risk: a relocation by COA out of the job's commuting region,
 * the end of the TWV a placement rests on, a rejected asylum application. Everything travels over the real
 * broker; the effect is checked through REST, on werkdesk.placements.v1 and in the event store.
 */
@QuarkusTest
class RelocationAndRiskTest {

    static final String AT_RISK = "nl.werkdesk.placement.placement-at-risk";

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void putsThePlacementAtRiskWhenCoaRelocatesTheParticipantToAnotherRegionAndTheCaseworkerDecides() throws Exception {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        UUID id = Api.start(Api.startBody(job, Pilot.START));

        ProducerRecord<String, String> relocation = Pilot.participantEvent(
                new ParticipantEvent.RelocatedByCOA(job.participantId(), "Willinklaan", "Ter Apel", LocalDate.of(2025, 5, 12)));

        awaitAtRisk(id);
        Api.get(id).then().statusCode(200).header("ETag", "\"2\"")
                .body("risks[0].reason", equalTo("relocated-out-of-region"))
                .body("risks[0].flaggedOn", equalTo("2025-05-12"));
        asCaseworker().queryParam("atRisk", "true").queryParam("pageSize", 100).get(PLACEMENTS).then().statusCode(200)
                .body("items.placementId", hasItem(id.toString()))
                .body("items.find { it.placementId == '" + id + "' }.riskReasons", equalTo(List.of("relocated-out-of-region")))
                .body("items.find { it.placementId == '" + id + "' }.atRiskSince", equalTo("2025-05-12"));

        ConsumerRecord<String, String> atRisk = topic.await(Topics.PLACEMENTS,
                r -> r.key().equals(id.toString()) && AT_RISK.equals(KafkaTopicReader.header(r, "ce_type")), 1, Api.PROPAGATED).get(0);
        ContractSchemas.assertValid(PlacementEvent.CATALOG, atRisk);
        assertEquals("2", KafkaTopicReader.header(atRisk, "ce_sequence"));
        assertEquals("relocated-out-of-region", JsonPath.from(atRisk.value()).getString("reason"));
        assertEquals(CloudEventPublisher.eventId(relocation), causationOf(id, 2),
                "PlacementAtRisk names the RelocatedByCOA that caused it");

        post(id, "continuation", Map.of("confirmedOn", "2025-05-14")).then().statusCode(200)
                .header("ETag", "\"3\"").body("atRisk", equalTo(false));
        asCaseworker().queryParam("atRisk", "true").queryParam("pageSize", 100).get(PLACEMENTS).then().statusCode(200)
                .body("items.placementId", not(hasItem(id.toString())));
        ConsumerRecord<String, String> continued = topic.await(Topics.PLACEMENTS,
                r -> r.key().equals(id.toString()) && "3".equals(KafkaTopicReader.header(r, "ce_sequence")), 1, Api.PROPAGATED).get(0);
        assertEquals("nl.werkdesk.placement.placement-continued", KafkaTopicReader.header(continued, "ce_type"));
        ContractSchemas.assertValid(PlacementEvent.CATALOG, continued);

        Pilot.participantEvent(new ParticipantEvent.RelocatedByCOA(job.participantId(), "Ter Apel", "Budel", LocalDate.of(2025, 7, 1)));
        awaitAtRisk(id);
        post(id, "end", Map.of("endedOn", "2025-07-04", "reason", "relocated-by-coa")).then().statusCode(200)
                .body("status", equalTo("ended")).body("endReason", equalTo("relocated-by-coa")).body("atRisk", equalTo(false));
    }

    @Test
    void leavesThePlacementAloneWhenTheRelocationStaysWithinTheRegion() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amstelveen");
        UUID id = Api.start(Api.startBody(job, Pilot.START));
        Pilot.participantEvent(new ParticipantEvent.RelocatedByCOA(job.participantId(), "Willinklaan", "Kabelweg", LocalDate.of(2025, 5, 12)));
        // A later event of the same participant: once its effect shows, the relocation before it was handled.
        Pilot.participantEvent(new ParticipantEvent.AsylumApplicationRejected(job.participantId(), LocalDate.of(2025, 6, 2),
                LocalDate.of(2025, 6, 30)));
        awaitAtRisk(id);
        Api.get(id).then().body("risks.reason", equalTo(List.of("asylum-rejected"))).body("risks[0].flaggedOn", equalTo("2025-06-02"));
    }

    @Test
    void appliesARelocationDeliveredTwiceOnlyOnce() {
        Pilot.Job job = Pilot.jobOnTwv("Kabelweg", "Zaandam");
        UUID id = Api.start(Api.startBody(job, Pilot.START));
        ProducerRecord<String, String> relocation = Pilot.participantEvent(
                new ParticipantEvent.RelocatedByCOA(job.participantId(), "Kabelweg", "Groningen", LocalDate.of(2025, 5, 12)));
        awaitAtRisk(id);
        post(id, "continuation", Map.of("confirmedOn", "2025-05-13")).then().statusCode(200);

        CloudEventPublisher.redeliver(relocation);
        Pilot.participantEvent(new ParticipantEvent.AsylumApplicationRejected(job.participantId(), LocalDate.of(2025, 6, 2),
                LocalDate.of(2025, 6, 30)));
        awaitAtRisk(id);

        Api.get(id).then().header("ETag", "\"4\"").body("risks.reason", equalTo(List.of("asylum-rejected")));
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topic.await(Topics.PLACEMENTS,
                r -> r.key().equals(id.toString()) && AT_RISK.equals(KafkaTopicReader.header(r, "ce_type")), 2, Api.PROPAGATED)) {
            reasons.add(JsonPath.from(record.value()).getString("reason"));
        }
        assertEquals(List.of("relocated-out-of-region", "asylum-rejected"), reasons, "the repeated relocation flagged nothing");
    }

    @Test
    void putsThePlacementAtRiskWhenItsTwvExpiresButNotWhenAnotherOneDoes() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        UUID id = Api.start(Api.startBody(job, Pilot.START));
        UUID otherPermit = Pilot.twv(job.participantId(), job.employerId(), Pilot.vacancy(job.employerId(), "Amsterdam", Pilot.VACANCY_OPENED),
                Pilot.TWV_FROM, LocalDate.of(2025, 9, 30));
        Pilot.permitEvent(new PermitEvent.TwvExpired(otherPermit, job.participantId(), LocalDate.of(2025, 10, 1)));
        Pilot.permitEvent(new PermitEvent.TwvExpired(job.permitId(), job.participantId(), LocalDate.of(2026, 3, 2)));
        awaitAtRisk(id);
        Api.get(id).then().header("ETag", "\"2\"").body("risks.reason", equalTo(List.of("permit-ended")))
                .body("risks[0].flaggedOn", equalTo("2026-03-02"));
        ConsumerRecord<String, String> atRisk = topic.await(Topics.PLACEMENTS,
                r -> r.key().equals(id.toString()) && AT_RISK.equals(KafkaTopicReader.header(r, "ce_type")), 1, Api.PROPAGATED).get(0);
        ContractSchemas.assertValid(PlacementEvent.CATALOG, atRisk);
    }

    @Test
    void parksAnEventItCanNeverApplyOnTheDeadLetterTopicAndGoesOn() {
        UUID stranger = UUID.randomUUID();
        Pilot.participantEvent(new ParticipantEvent.RelocatedByCOA(stranger, "Willinklaan", "Ter Apel", LocalDate.of(2025, 5, 12)));
        ConsumerRecord<String, String> parked = topic.await(Topics.deadLetter("placement-service"),
                r -> stranger.toString().equals(r.key()), 1, Api.PROPAGATED).get(0);
        // Parked on purpose (a PoisonMessage of the consumer's own, not a failure while applying it), from the participants
        // topic, naming the participant; the reason itself is a sentence for the operator.
        assertEquals(PoisonMessage.class.getName(), KafkaTopicReader.header(parked, "dead-letter-exception-class-name"));
        assertNull(KafkaTopicReader.header(parked, "dead-letter-cause-class-name"));
        assertEquals(Topics.PARTICIPANTS, KafkaTopicReader.header(parked, "dead-letter-topic"));
        String reason = KafkaTopicReader.header(parked, "dead-letter-reason");
        assertTrue(reason != null && reason.contains(stranger.toString()), String.valueOf(reason));

        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Api.start(Api.startBody(job, Pilot.START));
    }

    @Test
    void startsAtRiskWhenCoaRelocatedTheParticipantOutOfTheJobsRegionBeforeTheStartWasRecorded() {
        Pilot.Job job = Pilot.jobOnTwv("Willinklaan", "Amsterdam");
        Pilot.participantEvent(new ParticipantEvent.RelocatedByCOA(job.participantId(), "Willinklaan", "Ter Apel", LocalDate.of(2025, 5, 12)));
        await().atMost(Api.PROPAGATED).until(() -> "Ter Apel".equals(knownRelocation(job.participantId())));

        UUID id = UUID.fromString(Api.startWhenKnown(Api.startBody(job, Pilot.START)).then().statusCode(201).header("ETag", "\"2\"")
                .body("atRisk", equalTo(true)).body("risks[0].reason", equalTo("relocated-out-of-region"))
                .body("risks[0].flaggedOn", equalTo("2025-05-12")).extract().path("placementId"));
        List<ConsumerRecord<String, String>> records = topic.await(Topics.PLACEMENTS, r -> r.key().equals(id.toString()), 2, Api.PROPAGATED);
        assertEquals(List.of("nl.werkdesk.placement.placement-started", AT_RISK),
                records.stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList());
    }

    /**
     * A relocation that arrives while a start is being decided: the consumer has written it (and found no placement yet)
     * but not committed when the start confirms its facts. The start waits for it, sees the relocation, and is refused as
     * not-yet-known; decided again, it starts at risk. Here the test holds the participant's row as the consumer would.
     */
    @Test
    void decidesAStartAgainWhenARelocationArrivesWhileItIsDecided() throws Exception {
        Pilot.Job job = Pilot.jobOnTwv("Kabelweg", "Amsterdam");
        Map<String, Object> body = Api.startBody(job, Pilot.START);
        await().atMost(Api.PROPAGATED).until(() -> allKnown(job));

        Response refused;
        try (Connection consumer = PostgresServer.shared().connect("placement")) {
            consumer.setAutoCommit(false);
            try (PreparedStatement relocate = consumer.prepareStatement(
                    "UPDATE known_participants SET relocated_to = 'Ter Apel', relocated_on = DATE '2025-05-12' WHERE participant_id = ?")) {
                relocate.setObject(1, job.participantId());
                assertEquals(1, relocate.executeUpdate());
            }
            CompletableFuture<Response> start = CompletableFuture.supplyAsync(() -> asCaseworker().body(body).post(PLACEMENTS));
            await().atMost(Api.PROPAGATED).until(() -> start.isDone() || startWaitsForALock());
            consumer.commit();
            refused = start.get(Api.PROPAGATED.toSeconds(), TimeUnit.SECONDS);
        }
        Api.refusal(refused.then(), PlacementRejection.FACTS_ARRIVED_DURING_START);

        asCaseworker().body(body).post(PLACEMENTS).then().statusCode(201).header("ETag", "\"2\"")
                .body("atRisk", equalTo(true)).body("risks[0].reason", equalTo("relocated-out-of-region"));
    }

    private static void awaitAtRisk(UUID placementId) {
        await().atMost(Api.PROPAGATED).until(() -> Boolean.TRUE.equals(Api.get(placementId).path("atRisk")));
    }

    private static String knownRelocation(UUID participantId) throws Exception {
        return single("SELECT relocated_to FROM known_participants WHERE participant_id = ?", participantId);
    }

    /** The participant (with the intake), the vacancy and the granted TWV of the job have all arrived. */
    private static boolean allKnown(Pilot.Job job) throws Exception {
        return single("SELECT count(*) FROM known_participants p JOIN known_permits t ON t.participant_id = p.participant_id"
                + " JOIN known_vacancies v ON v.vacancy_id = t.vacancy_id WHERE p.participant_id = ? AND p.intake_completed_on IS NOT NULL"
                + " AND t.granted_on IS NOT NULL", job.participantId()).equals("1");
    }

    /** Some session of placement-service waits for a row lock. */
    private static boolean startWaitsForALock() throws Exception {
        try (Connection db = PostgresServer.shared().connect("placement");
             ResultSet row = db.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = 'placement' AND wait_event_type = 'Lock'")) {
            return row.next() && row.getInt(1) > 0;
        }
    }

    private static String single(String sql, UUID parameter) throws Exception {
        try (Connection db = PostgresServer.shared().connect("placement"); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The causation id in the event store's metadata of one event of the placement. */
    private static String causationOf(UUID placementId, long version) throws Exception {
        try (Connection db = PostgresServer.shared().connect("placement");
             PreparedStatement query = db.prepareStatement(
                     "SELECT metadata ->> 'causationId' FROM events WHERE stream_id = ? AND version = ?")) {
            query.setObject(1, placementId);
            query.setLong(2, version);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no event " + version + " of placement " + placementId);
                return row.getString(1);
            }
        }
    }
}
