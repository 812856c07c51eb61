package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.JOB_FAIRS;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static nl.werkdesk.employer.rest.PublishedEvents.assertCloudEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Job fairs through REST: the fair with its employers, the meetings there; each event on Kafka as a valid CloudEvent. */
@QuarkusTest
class JobFairJourneyTest {

    static final String FAIR_DAY = "2025-03-12";

    final KafkaTopicReader topic = new KafkaTopicReader();

    static Map<String, Object> meeting(UUID participant, UUID employer, String metOn) {
        return Map.of("participantId", participant.toString(), "employerId", employer.toString(), "metOn", metOn);
    }

    @Test
    void recordsAFairAndWhoMetWhomThereAndPublishesBoth() {
        UUID bakery = Api.registerEmployer("production");
        UUID agency = Api.registerEmployer("logistics");
        String fair = asLiaison().body(Api.jobFair(FAIR_DAY, List.of(bakery, agency, bakery))).post(JOB_FAIRS).then()
                .statusCode(201).header("ETag", "\"1\"")
                .body("heldOn", equalTo(FAIR_DAY))
                .body("employerIds", equalTo(List.of(bakery.toString(), agency.toString())))
                .body("meetings", hasSize(0))
                .extract().path("jobFairId");
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 2, 1));
        post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, agency, FAIR_DAY)).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("meetings", hasSize(1))
                .body("meetings[0].participantId", equalTo(participant.toString()))
                .body("meetings[0].employerId", equalTo(agency.toString()));
        asLiaison().get(JOB_FAIRS + "/" + fair).then().statusCode(200).header("ETag", "\"2\"").body("meetings", hasSize(1));

        List<ConsumerRecord<String, String>> records = topic.await(Topics.EMPLOYERS, r -> r.key().equals(fair), 2, Api.PUBLISHED);
        assertCloudEvent(records.get(0), fair, "job-fair-held", 1, "2025-03-12T00:00:00+01:00");
        assertCloudEvent(records.get(1), fair, "candidate-met-employer", 2, "2025-03-12T00:00:00+01:00");
        assertEquals(List.of(bakery.toString(), agency.toString()), JsonPath.from(records.get(0).value()).getList("employerIds"));
        assertEquals(participant.toString(), JsonPath.from(records.get(1).value()).getString("participantId"));
    }

    @Test
    void refusesAMeetingWithAnEmployerThatDidNotTakePartOrOnAnotherDay() {
        UUID bakery = Api.registerEmployer("production");
        UUID absent = Api.registerEmployer("production");
        UUID fair = Api.recordJobFair(FAIR_DAY, List.of(bakery));
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 2, 1));
        BadInputTest.refusedOn(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, absent, FAIR_DAY)).then(), "employerId",
                "employer-not-at-fair");
        BadInputTest.refusedOn(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery, "2025-03-13")).then(), "metOn",
                "not-the-fair-day");
        post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery, FAIR_DAY)).then().statusCode(200);
        BadInputTest.refused(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery, FAIR_DAY)).then(),
                "meeting-already-recorded");
    }

    @Test
    void refusesAFairWithAnUnknownEmployerOrOneRegisteredAfterIt() {
        UUID bakery = Api.registerEmployer("production");
        BadInputTest.refusedOn(asLiaison().body(Api.jobFair(FAIR_DAY, List.of(bakery, UUID.randomUUID()))).post(JOB_FAIRS).then(),
                "employerIds[1]", "unknown-employer");
        BadInputTest.refusedOn(asLiaison().body(Api.jobFair("2025-02-01", List.of(bakery))).post(JOB_FAIRS).then(), "employerIds[0]",
                "employer-registered-after-fair");
        BadInputTest.invalid(asLiaison().body(Api.jobFair(FAIR_DAY, List.of())).post(JOB_FAIRS).then(), "employerIds");
    }

    @Test
    void answersAMeetingWithAParticipantNotSeenYetWithRetryAfterAndRecordsItOnceTheParticipantArrives() {
        UUID bakery = Api.registerEmployer("production");
        UUID fair = Api.recordJobFair(FAIR_DAY, List.of(bakery));
        UUID participant = UUID.randomUUID();
        BadInputTest.notYetKnown(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery, FAIR_DAY)).then(),
                "participant-not-known-yet");
        asLiaison().get(JOB_FAIRS + "/" + fair).then().statusCode(200).header("ETag", "\"1\"").body("meetings", hasSize(0));
        ParticipantTopic.registered(participant, LocalDate.of(2025, 2, 1));
        post(JOB_FAIRS + "/" + fair + "/meetings", meeting(participant, bakery, FAIR_DAY)).then().statusCode(200)
                .header("ETag", "\"2\"").body("meetings[0].participantId", equalTo(participant.toString()));
    }

    @Test
    void refusesAMeetingWithAParticipantWhoLeftThePilotOrJoinedAfterTheFairAsARealRefusal() {
        UUID bakery = Api.registerEmployer("production");
        UUID fair = Api.recordJobFair(FAIR_DAY, List.of(bakery));
        UUID gone = ParticipantTopic.registered(LocalDate.of(2025, 1, 10));
        ParticipantTopic.left(gone, LocalDate.of(2025, 3, 11));
        BadInputTest.refusedOn(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(gone, bakery, FAIR_DAY)).then(), "participantId",
                "participant-left-pilot");
        UUID late = ParticipantTopic.registered(LocalDate.of(2025, 3, 13));
        BadInputTest.refusedOn(post(JOB_FAIRS + "/" + fair + "/meetings", meeting(late, bakery, FAIR_DAY)).then(), "metOn",
                "date-before-participant-registration");
    }
}
