package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static nl.werkdesk.employer.rest.PublishedEvents.assertCloudEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Vacancies through REST: open at or above the minimum wage, fill, close; each event on Kafka as a valid CloudEvent. */
@QuarkusTest
class VacancyJourneyTest {

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void opensAVacancyAndFillsItWithAParticipantOfThePilot() {
        UUID employer = Api.registerEmployer("production");
        Response opened = asLiaison().body(Api.vacancy(employer, "production", "2025-03-03", 1406)).post(VACANCIES).then()
                .statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("open"))
                .body("employerId", equalTo(employer.toString()))
                .body("hourlyWageCents", equalTo(1406))
                .body("hoursPerWeek", equalTo(32))
                .body("requiredDutchLevel", equalTo("A2"))
                .extract().response();
        String vacancy = opened.path("vacancyId");
        assertEquals(VACANCIES + "/" + vacancy, URI.create(opened.header("Location")).getPath());
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 1, 20));
        post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-04-01", "participantId", participant.toString()))
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("filled"))
                .body("filledOn", equalTo("2025-04-01"))
                .body("participantId", equalTo(participant.toString()));
        asLiaison().get(VACANCIES + "/" + vacancy).then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("filled"));

        List<ConsumerRecord<String, String>> records = topic.await(Topics.EMPLOYERS, r -> r.key().equals(vacancy), 2, Api.PUBLISHED);
        assertCloudEvent(records.get(0), vacancy, "vacancy-opened", 1, "2025-03-03T00:00:00+01:00");
        assertCloudEvent(records.get(1), vacancy, "vacancy-filled", 2, "2025-04-01T00:00:00+02:00");
        JsonPath filled = JsonPath.from(records.get(1).value());
        assertEquals(participant.toString(), filled.getString("participantId"));
        assertEquals(employer.toString(), filled.getString("employerId"));
        assertEquals(1406, JsonPath.from(records.get(0).value()).getInt("hourlyWageCents"));
    }

    @Test
    void fillsAVacancyOutsideThePilotWithANullParticipant() {
        String vacancy = Api.openVacancy(Api.registerEmployer("cleaning"), "cleaning").toString();
        post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-03-20")).then().statusCode(200)
                .body("participantId", nullValue());
        ConsumerRecord<String, String> filled = topic.await(Topics.EMPLOYERS, r -> r.key().equals(vacancy), 2, Api.PUBLISHED).get(1);
        assertCloudEvent(filled, vacancy, "vacancy-filled", 2, "2025-03-20T00:00:00+01:00");
        assertNull(JsonPath.from(filled.value()).get("participantId"));
    }

    @Test
    void closesAVacancyAndPublishesTheClosure() {
        String vacancy = Api.openVacancy(Api.registerEmployer("horeca"), "horeca").toString();
        post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", "2025-05-01")).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("closed")).body("closedOn", equalTo("2025-05-01"));
        ConsumerRecord<String, String> closed = topic.await(Topics.EMPLOYERS, r -> r.key().equals(vacancy), 2, Api.PUBLISHED).get(1);
        assertCloudEvent(closed, vacancy, "vacancy-closed", 2, "2025-05-01T00:00:00+02:00");
    }

    @Test
    void refusesAWageBelowTheMinimumWageOfTheOpeningDateAndAcceptsTheMinimumItself() {
        UUID employer = Api.registerEmployer("logistics");
        BadInputTest.refusedOn(asLiaison().body(Api.vacancy(employer, "logistics", "2025-07-01", 1439)).post(VACANCIES).then(),
                        "hourlyWageCents", "wage-below-minimum-wage")
                .body("invalidParams", hasSize(1));
        // The minimum of 2025-07-01 is 1440 cents: exactly that is enough, and the day before 1439 still was.
        asLiaison().body(Api.vacancy(employer, "logistics", "2025-07-01", 1440)).post(VACANCIES).then().statusCode(201);
        asLiaison().body(Api.vacancy(employer, "logistics", "2025-06-30", 1439)).post(VACANCIES).then().statusCode(201);
    }

    @Test
    void onlyAnOpenVacancyCanBeFilledOrClosed() {
        String vacancy = Api.openVacancy(Api.registerEmployer("production"), "production").toString();
        BadInputTest.refusedOn(post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-03-02")).then(), "filledOn",
                "date-before-vacancy-opened");
        post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", "2025-03-10")).then().statusCode(200);
        BadInputTest.refused(post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-03-11")).then(), "vacancy-already-closed");
        BadInputTest.refused(post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", "2025-03-11")).then(), "vacancy-already-closed");
        String filled = Api.openVacancy(Api.registerEmployer("production"), "production").toString();
        post(VACANCIES + "/" + filled + "/filling", Map.of("filledOn", "2025-03-10")).then().statusCode(200);
        BadInputTest.refused(post(VACANCIES + "/" + filled + "/closure", Map.of("closedOn", "2025-03-11")).then(), "vacancy-already-filled");
    }

    @Test
    void refusesAVacancyOfAnUnknownEmployerOrOneOpenedBeforeItsRegistrationOrBeforeTheFirstMinimumWage() {
        BadInputTest.refusedOn(asLiaison().body(Api.vacancy(UUID.randomUUID(), "horeca", "2025-03-03", 1500)).post(VACANCIES).then(),
                "employerId", "unknown-employer");
        UUID employer = Api.registerEmployer("horeca");
        BadInputTest.refusedOn(asLiaison().body(Api.vacancy(employer, "horeca", "2025-02-02", 1500)).post(VACANCIES).then(), "openedOn",
                "date-before-employer-registration");
        UUID longRegistered = Api.registerEmployer(BadInputTest.with(Api.registration("horeca"), "registeredOn", "2023-06-01"));
        BadInputTest.refusedOn(asLiaison().body(Api.vacancy(longRegistered, "horeca", "2023-12-31", 1500)).post(VACANCIES).then(), "openedOn",
                "date-before-first-minimum-wage");
    }

    @Test
    void answersAFillingByAParticipantNotSeenYetWithRetryAfterAndFillsOnceTheParticipantArrives() {
        String vacancy = Api.openVacancy(Api.registerEmployer("production"), "production").toString();
        UUID participant = UUID.randomUUID();
        Map<String, Object> filling = Map.of("filledOn", "2025-04-01", "participantId", participant.toString());
        BadInputTest.notYetKnown(post(VACANCIES + "/" + vacancy + "/filling", filling).then(), "participant-not-known-yet");
        asLiaison().get(VACANCIES + "/" + vacancy).then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("open"));
        ParticipantTopic.registered(participant, LocalDate.of(2025, 1, 20));
        post(VACANCIES + "/" + vacancy + "/filling", filling).then().statusCode(200).body("status", equalTo("filled"))
                .body("participantId", equalTo(participant.toString()));
    }

    @Test
    void refusesToFillWithAParticipantWhoJoinedThePilotAfterwardsAsARealRefusal() {
        String vacancy = Api.openVacancy(Api.registerEmployer("production"), "production").toString();
        UUID late = ParticipantTopic.registered(LocalDate.of(2025, 4, 2));
        BadInputTest.refusedOn(post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-04-01", "participantId", late.toString()))
                .then(), "filledOn", "date-before-participant-registration");
    }

    @Test
    void letsACaseworkerReadVacanciesButNotChangeThem() {
        String vacancy = Api.openVacancy(Api.registerEmployer("production"), "production").toString();
        Api.as("caseworker").get(VACANCIES + "/" + vacancy).then().statusCode(200).body("status", equalTo("open"));
        Api.as("caseworker").queryParam("status", "open").get(VACANCIES).then().statusCode(200);
        Api.as("caseworker").body(Map.of("closedOn", "2025-05-01")).post(VACANCIES + "/" + vacancy + "/closure").then().statusCode(403);
    }

    @Test
    void listsTheMinimumWagesAndTheOneInForceOnADate() {
        Api.as("permit-officer").queryParam("on", "2025-03-03").get("/api/v1/minimum-wages").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].validFrom", equalTo("2025-01-01"))
                .body("[0].validUntil", equalTo("2025-06-30"))
                .body("[0].hourlyCents", equalTo(1406));
        asLiaison().get("/api/v1/minimum-wages").then().statusCode(200).body("", hasSize(5))
                .body("[4].validUntil", nullValue()).body("[4].hourlyCents", equalTo(1471));
        asLiaison().queryParam("on", "2023-12-31").get("/api/v1/minimum-wages").then().statusCode(200).body("", hasSize(0));
    }
}
