package nl.werkdesk.employer.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.TestTokens;

/** Talks to employer-service as the employer liaison's front-end would, in the tests. */
final class Api {

    static final String EMPLOYERS = "/api/v1/employers";
    static final String VACANCIES = "/api/v1/vacancies";
    static final String JOB_FAIRS = "/api/v1/job-fairs";
    static final Duration PUBLISHED = Duration.ofSeconds(30);
    static final String REGISTERED_ON = "2025-02-03";

    private Api() {
    }

    static RequestSpecification asLiaison() {
        return as(Roles.EMPLOYER_LIAISON);
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A KvK number of its own, so tests never clash. */
    static String newKvkNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
    }

    /** A valid registration in a sector, with a KvK number of its own and an intermediary for the first months. */
    static Map<String, Object> registration(String sector) {
        Map<String, Object> body = new HashMap<>();
        body.put("registeredOn", REGISTERED_ON);
        body.put("tradeName", "Bakkerij De Molen");
        body.put("kvkNumber", newKvkNumber());
        body.put("sector", sector);
        body.put("temporaryEmploymentAgency", false);
        body.put("twvIntermediary", Map.of("from", REGISTERED_ON, "until", "2025-07-31"));
        body.put("contactPerson", Map.of("name", "Jan de Vries", "phone", "+31 20 1234567", "email", "jan@demolen.example"));
        return body;
    }

    static UUID registerEmployer(Map<String, Object> body) {
        return UUID.fromString(asLiaison().body(body).post(EMPLOYERS).then().statusCode(201).extract().path("employerId"));
    }

    static UUID registerEmployer(String sector) {
        return registerEmployer(registration(sector));
    }

    static Map<String, Object> vacancy(UUID employerId, String sector, String openedOn, long hourlyWageCents) {
        Map<String, Object> body = new HashMap<>();
        body.put("employerId", employerId.toString());
        body.put("openedOn", openedOn);
        body.put("title", "Productiemedewerker");
        body.put("sector", sector);
        body.put("hoursPerWeek", 32);
        body.put("hourlyWageCents", hourlyWageCents);
        body.put("requiredDutchLevel", "A2");
        body.put("location", "Amsterdam");
        return body;
    }

    static UUID openVacancy(UUID employerId, String sector) {
        return UUID.fromString(asLiaison().body(vacancy(employerId, sector, "2025-03-03", 1500)).post(VACANCIES)
                .then().statusCode(201).extract().path("vacancyId"));
    }

    static Map<String, Object> jobFair(String heldOn, List<UUID> employerIds) {
        return Map.of("heldOn", heldOn, "location", "azc Willinklaan", "employerIds", employerIds.stream().map(UUID::toString).toList());
    }

    static UUID recordJobFair(String heldOn, List<UUID> employerIds) {
        return UUID.fromString(asLiaison().body(jobFair(heldOn, employerIds)).post(JOB_FAIRS)
                .then().statusCode(201).extract().path("jobFairId"));
    }

    static Response post(String path, Object body) {
        return asLiaison().body(body).post(path);
    }
}
