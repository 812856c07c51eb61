package nl.werkdesk.participant.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.TestTokens;

/** Talks to participant-service as a caseworker's front-end would, in the tests. */
final class Api {

    static final String PARTICIPANTS = "/api/v1/participants";
    static final Duration PUBLISHED = Duration.ofSeconds(30);

    private Api() {
    }

    static RequestSpecification asCaseworker() {
        return as(Roles.CASEWORKER);
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A valid registration with a V-number of its own, so tests never clash. */
    static Map<String, Object> registration(String location) {
        return Map.of(
                "registeredOn", "2025-02-03",
                "location", location,
                "asylumApplicationDate", "2024-09-15",
                "asylumTrack", "regular",
                "wDocumentType", "W",
                "wDocumentValidUntil", "2026-03-01",
                "languages", List.of("ar", "en"),
                "personalData", personalData(newVNumber()));
    }

    static Map<String, Object> personalData(String vNumber) {
        return Map.of("fullName", "Amal Haddad", "dateOfBirth", "1994-05-17", "nationality", "SYR", "vNumber", vNumber,
                "phone", "+31 6 12345678");
    }

    static String newVNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    static UUID register(Map<String, Object> body) {
        Response response = asCaseworker().body(body).post(PARTICIPANTS).then().statusCode(201).extract().response();
        return UUID.fromString(response.path("participantId"));
    }

    static UUID register(String location) {
        return register(registration(location));
    }

    static Map<String, Object> intake(String completedOn) {
        return Map.of("completedOn", completedOn, "sectorPreferences", List.of("horeca", "logistics"), "dutchLevel", "A1",
                "englishLevel", "B1", "workExperience", List.of(Map.of("sector", "production", "years", 4)));
    }

    static Response post(UUID participantId, String command, Object body) {
        return asCaseworker().body(body).post(PARTICIPANTS + "/" + participantId + "/" + command);
    }
}
