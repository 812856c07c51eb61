package nl.werkdesk.placement.rest;

import static nl.werkdesk.placement.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.placement.automation.SustainedMilestoneCheck;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The 26-week milestone: recorded once for every placement that lasted, by the scheduled check on a business date. */
@QuarkusTest
class SustainedMilestoneTest {

    static final String SUSTAINED = "nl.werkdesk.placement.placement-sustained";

    @Inject
    SustainedMilestoneCheck check;
    @Inject
    Scheduler scheduler;

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void recordsPlacementSustainedOnceForEveryPlacementThatLastedTwentySixWeeks() throws Throwable {
        UUID lasting = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        UUID endedLate = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        post(endedLate, "end", Map.of("endedOn", "2025-11-01", "reason", "contract-ended")).then().statusCode(200);
        UUID endedEarly = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        post(endedEarly, "end", Map.of("endedOn", "2025-10-05", "reason", "dismissed")).then().statusCode(200);
        UUID recent = recentPlacement();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        VertxContextSupport.subscribeAndAwait(() -> check.check(today));

        Api.get(lasting).then().statusCode(200).header("ETag", "\"2\"").body("sustainedOn", equalTo("2025-10-06"))
                .body("status", equalTo("active"));
        Api.get(endedLate).then().statusCode(200).header("ETag", "\"3\"").body("sustainedOn", equalTo("2025-10-06"))
                .body("status", equalTo("ended"));
        Api.get(endedEarly).then().statusCode(200).header("ETag", "\"2\"").body("sustainedOn", nullValue());
        Api.get(recent).then().statusCode(200).header("ETag", "\"1\"").body("sustainedOn", nullValue());

        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> check.check(today)), "a second check finds nothing left to record");
        Api.get(lasting).then().header("ETag", "\"2\"");

        ConsumerRecord<String, String> sustained = topic.await(Topics.PLACEMENTS,
                r -> r.key().equals(lasting.toString()) && SUSTAINED.equals(KafkaTopicReader.header(r, "ce_type")), 1, Api.PROPAGATED).get(0);
        ContractSchemas.assertValid(PlacementEvent.CATALOG, sustained);
        assertEquals("2", KafkaTopicReader.header(sustained, "ce_sequence"));
        topic.await(Topics.PLACEMENTS, r -> r.key().equals(endedLate.toString()) && "3".equals(KafkaTopicReader.header(r, "ce_sequence")),
                1, Api.PROPAGATED);
        List<ConsumerRecord<String, String>> all = topic.readAll(Topics.PLACEMENTS).stream()
                .filter(r -> SUSTAINED.equals(KafkaTopicReader.header(r, "ce_type"))
                        && List.of(lasting.toString(), endedLate.toString(), endedEarly.toString(), recent.toString()).contains(r.key()))
                .toList();
        assertEquals(2, all.size(), "one PlacementSustained for each of the two placements that lasted");
    }

    @Test
    void acceptsAnEndReportedAfterTheMilestoneButDatedBeforeItAndPublishesTheWithdrawalOfTheMilestone() throws Throwable {
        UUID placement = Api.start(Api.startBody(Pilot.jobOnTwv("Willinklaan", "Amsterdam"), Pilot.START));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        VertxContextSupport.subscribeAndAwait(() -> check.check(today));
        Api.get(placement).then().statusCode(200).header("ETag", "\"2\"").body("sustainedOn", equalTo("2025-10-06"));

        post(placement, "end", Map.of("endedOn", "2025-09-30", "reason", "dismissed")).then().statusCode(200)
                .header("ETag", "\"4\"").body("status", equalTo("ended")).body("endedOn", equalTo("2025-09-30"))
                .body("sustainedOn", nullValue());
        Api.get(placement).then().statusCode(200).header("ETag", "\"4\"").body("sustainedOn", nullValue());
        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> check.check(today)), "the check does not record it again");
        Api.get(placement).then().header("ETag", "\"4\"");

        List<ConsumerRecord<String, String>> records = topic.await(Topics.PLACEMENTS, r -> r.key().equals(placement.toString()), 4,
                Api.PROPAGATED);
        assertEquals(List.of("placement-started", "placement-sustained", "placement-ended", "placement-sustained-withdrawn"),
                records.stream().map(r -> KafkaTopicReader.header(r, "ce_type").substring("nl.werkdesk.placement.".length())).toList());
        ConsumerRecord<String, String> withdrawn = records.get(3);
        ContractSchemas.assertValid(PlacementEvent.CATALOG, withdrawn);
        assertEquals("4", KafkaTopicReader.header(withdrawn, "ce_sequence"));
        assertEquals("2025-09-30", JsonPath.from(withdrawn.value()).getString("withdrawnOn"));
        assertEquals("2025-09-30T00:00:00+02:00", KafkaTopicReader.header(withdrawn, "ce_time"), "dated on the end that withdrew it");
    }

    @Test
    void runsTheCheckOnASchedule() {
        assertNotNull(scheduler.getScheduledJob("sustained-milestone"), "the milestone check is scheduled");
    }

    /** Started ten days ago, on a TWV valid until well after today. */
    private static UUID recentPlacement() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        UUID participantId = Pilot.participant("Kabelweg", today.minusDays(120), today.plusDays(400));
        Pilot.intake(participantId, today.minusDays(50));
        UUID employerId = UUID.randomUUID();
        UUID vacancyId = Pilot.vacancy(employerId, "Amsterdam", today.minusDays(40));
        Pilot.twv(participantId, employerId, vacancyId, today.minusDays(30), today.plusDays(400));
        return Api.start(Api.startBody(participantId, employerId, vacancyId, today.minusDays(10).toString()));
    }
}
