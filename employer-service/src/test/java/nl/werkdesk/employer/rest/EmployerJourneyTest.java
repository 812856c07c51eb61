package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.EMPLOYERS;
import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.testing.ContractSchemas;
import nl.werkdesk.testing.KafkaTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The employer's commands through REST: the response, the event on Kafka with its CloudEvents headers, the history. */
@QuarkusTest
class EmployerJourneyTest {

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void registersAnEmployerWithTheStateTheETagAndWhereItLives() {
        Map<String, Object> body = Api.registration("home-care");
        Response response = asLiaison().body(body).post(EMPLOYERS).then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("API-Version", "1.0.0")
                .body("version", equalTo(1))
                .body("tradeName", equalTo("Bakkerij De Molen"))
                .body("kvkNumber", equalTo(body.get("kvkNumber")))
                .body("sector", equalTo("home-care"))
                .body("temporaryEmploymentAgency", equalTo(false))
                .body("twvIntermediary.from", equalTo("2025-02-03"))
                .body("twvIntermediary.until", equalTo("2025-07-31"))
                .body("contactPerson.name", equalTo("Jan de Vries"))
                .body("contactPerson.email", equalTo("jan@demolen.example"))
                .extract().response();
        String id = response.path("employerId");
        assertEquals(EMPLOYERS + "/" + id, URI.create(response.header("Location")).getPath());
        asLiaison().get(EMPLOYERS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("contactPerson.phone", equalTo("+31 20 1234567"))
                .body("twvIntermediarySince", equalTo("2025-02-03"));

        ConsumerRecord<String, String> registered = topic.await(Topics.EMPLOYERS, r -> r.key().equals(id), 1, Api.PUBLISHED).get(0);
        PublishedEvents.assertCloudEvent(registered, id, "employer-registered", 1, "2025-02-03T00:00:00+01:00");
        JsonPath data = JsonPath.from(registered.value());
        assertEquals(body.get("kvkNumber"), data.getString("kvkNumber"));
        assertEquals("home-care", data.getString("sector"));
    }

    @Test
    void publishesAnEmployerThatAppliesForTwvsItselfWithANullIntermediary() {
        Map<String, Object> body = new HashMap<>(Api.registration("logistics"));
        body.remove("twvIntermediary");
        body.put("temporaryEmploymentAgency", true);
        String id = Api.registerEmployer(body).toString();
        ConsumerRecord<String, String> registered = topic.await(Topics.EMPLOYERS, r -> r.key().equals(id), 1, Api.PUBLISHED).get(0);
        ContractSchemas.assertValid(EmployerEvent.CATALOG, registered);
        assertNull(JsonPath.from(registered.value()).get("twvIntermediary"));
        assertTrue(JsonPath.from(registered.value()).getBoolean("temporaryEmploymentAgency"));
    }

    @Test
    void changesTheTwvIntermediaryAndPublishesTheChange() {
        UUID id = Api.registerEmployer("horeca");
        post(EMPLOYERS + "/" + id + "/twv-intermediary", Map.of("changedOn", "2025-04-01",
                "twvIntermediary", Map.of("from", "2025-04-01"))).then().statusCode(200).header("ETag", "\"2\"")
                .body("twvIntermediary.from", equalTo("2025-04-01"))
                .body("twvIntermediary.until", nullValue())
                .body("twvIntermediarySince", equalTo("2025-04-01"));
        post(EMPLOYERS + "/" + id + "/twv-intermediary", Map.of("changedOn", "2025-06-01")).then().statusCode(200)
                .header("ETag", "\"3\"").body("twvIntermediary", nullValue());

        List<ConsumerRecord<String, String>> records = topic.await(Topics.EMPLOYERS, r -> r.key().equals(id.toString()), 3, Api.PUBLISHED);
        PublishedEvents.assertCloudEvent(records.get(1), id.toString(), "twv-intermediary-changed", 2, "2025-04-01T00:00:00+02:00");
        PublishedEvents.assertCloudEvent(records.get(2), id.toString(), "twv-intermediary-changed", 3, "2025-06-01T00:00:00+02:00");
        assertNull(JsonPath.from(records.get(2).value()).get("twvIntermediary"));
    }

    @Test
    void changesTheContactPersonBesideTheStreamAndPublishesNothingOfIt() {
        UUID id = Api.registerEmployer("horeca");
        post(EMPLOYERS + "/" + id + "/contact-person", Map.of("changedOn", "2025-03-10",
                "contactPerson", Map.of("name", "Fatima El Amrani", "email", "fatima@demolen.example"))).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("contactPerson.name", equalTo("Fatima El Amrani"))
                .body("contactPerson.phone", nullValue())
                .body("contactPersonSince", equalTo("2025-03-10"))
                .body("twvIntermediarySince", equalTo("2025-02-03"));
        asLiaison().get(EMPLOYERS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("contactPerson.email", equalTo("fatima@demolen.example"));
        BadInputTest.refusedOn(post(EMPLOYERS + "/" + id + "/contact-person", Map.of("changedOn", "2025-03-09",
                "contactPerson", Map.of("name", "Jan de Vries", "phone", "+31 20 1234567"))).then(), "changedOn",
                "date-before-previous-contact-person-change");
        post(EMPLOYERS + "/" + id + "/twv-intermediary", Map.of("changedOn", "2025-04-01")).then().statusCode(200).header("ETag", "\"3\"");

        List<ConsumerRecord<String, String>> records = topic.await(Topics.EMPLOYERS, r -> r.key().equals(id.toString()), 2, Api.PUBLISHED);
        assertEquals(List.of("1", "3"), records.stream().map(r -> KafkaTopicReader.header(r, "ce_sequence")).toList(),
                "the change of contact person (version 2) is not published, the events around it are");
        assertEquals(List.of("EmployerRegistered", "ContactPersonChanged", "TwvIntermediaryChanged"),
                asLiaison().get(EMPLOYERS + "/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("entries.type"));
    }

    @Test
    void showsTheEmployersHistoryWithItsVacanciesAndFairsAsATimelineWithWhoRecordedEach() {
        UUID employer = Api.registerEmployer("production");
        UUID other = Api.registerEmployer("production");
        UUID vacancy = Api.openVacancy(employer, "production");
        UUID othersVacancy = Api.openVacancy(other, "production");
        post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", "2025-05-01")).then().statusCode(200);
        UUID fair = Api.recordJobFair("2025-03-12", List.of(employer, other));
        UUID participant = ParticipantTopic.registered(LocalDate.of(2025, 1, 10));
        post(Api.JOB_FAIRS + "/" + fair + "/meetings", Map.of("participantId", participant.toString(), "employerId", employer.toString(),
                "metOn", "2025-03-12")).then().statusCode(200);
        post(Api.JOB_FAIRS + "/" + fair + "/meetings", Map.of("participantId", participant.toString(), "employerId", other.toString(),
                "metOn", "2025-03-12")).then().statusCode(200);
        post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-04-01")).then().statusCode(200);

        JsonPath history = asLiaison().get(EMPLOYERS + "/" + employer + "/history").then().statusCode(200)
                .body("employerId", equalTo(employer.toString()))
                .body("entries", hasSize(6))
                .body("entries[0].recordedAt", notNullValue())
                .extract().jsonPath();
        assertEquals(List.of("EmployerRegistered", "VacancyOpened", "JobFairHeld", "CandidateMetEmployer", "TwvIntermediaryChanged",
                "VacancyClosed"), history.getList("entries.type"));
        assertEquals(List.of("2025-02-03", "2025-03-03", "2025-03-12", "2025-03-12", "2025-04-01", "2025-05-01"),
                history.getList("entries.occurredOn"));
        assertEquals(List.of("employer", "vacancy", "job-fair", "job-fair", "employer", "vacancy"), history.getList("entries.streamType"));
        assertEquals(List.of(employer.toString(), vacancy.toString(), fair.toString(), fair.toString(), employer.toString(),
                vacancy.toString()), history.getList("entries.streamId"));
        assertEquals("test-employer-liaison", history.getString("entries[5].actor"));
        assertEquals(2, history.getInt("entries[5].version"));
        assertEquals(employer.toString(), history.getString("entries[3].data.employerId"));
        assertFalse(history.getList("entries.streamId").contains(othersVacancy.toString()), "not another employer's vacancy");
    }
}
