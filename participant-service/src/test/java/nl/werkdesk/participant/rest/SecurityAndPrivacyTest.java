package nl.werkdesk.participant.rest;

import static io.restassured.RestAssured.given;
import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.testing.KafkaTopicReader;
import nl.werkdesk.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityAndPrivacyTest {

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void refusesARequestWithoutAValidTokenWith401() {
        for (String authorization : new String[] {null, TestTokens.expired(Roles.CASEWORKER),
                TestTokens.signedByForeignKey(Roles.CASEWORKER), TestTokens.withIssuer("urn:somebody-else", Roles.CASEWORKER),
                "Bearer not-a-token"}) {
            var request = given().contentType(ContentType.JSON);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(PARTICIPANTS).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
            request.body(Api.registration("Willinklaan")).post(PARTICIPANTS).then().statusCode(401);
        }
    }

    @Test
    void refusesEveryOtherRoleWith403() {
        UUID id = Api.register("Willinklaan");
        for (String role : List.of(Roles.ANALYST, Roles.RESEARCHER, Roles.EMPLOYER_LIAISON, Roles.PERMIT_OFFICER, Roles.FINANCE,
                Roles.OPERATOR)) {
            Api.as(role).get(PARTICIPANTS).then().statusCode(403).contentType("application/problem+json");
            Api.as(role).get(PARTICIPANTS + "/" + id).then().statusCode(403);
            Api.as(role).body(Api.intake("2025-02-10")).post(PARTICIPANTS + "/" + id + "/intake").then().statusCode(403);
            Api.as(role).body(Api.registration("Willinklaan")).post(PARTICIPANTS).then().statusCode(403);
        }
        Api.as(Roles.EMPLOYER_LIAISON).get("/api/v1/work-eligibility-policies").then().statusCode(403);
    }

    @Test
    void keepsPersonalDataOffKafkaAndOutOfTheLogs() {
        String name = "Zainab Testpersoon-" + UUID.randomUUID().toString().substring(0, 8);
        String vNumber = Api.newVNumber();
        String phone = "+31 6 " + vNumber.substring(0, 8);
        Map<String, Object> registration = new HashMap<>(Api.registration("Willinklaan"));
        registration.put("personalData", Map.of("fullName", name, "dateOfBirth", "1991-11-23", "nationality", "ERI",
                "vNumber", vNumber, "phone", phone));
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + String.valueOf(record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("nl.werkdesk");
        Level oursBefore = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        try {
            org.jboss.logging.Logger.getLogger(SecurityAndPrivacyTest.class).info("log capture attached");
            UUID id = Api.register(registration);
            Api.asCaseworker().body(registration).post(PARTICIPANTS).then().statusCode(400);
            post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
            post(id, "relocations", Map.of("fromLocation", "Willinklaan", "toLocation", "Kabelweg", "relocatedOn", "2025-03-01"))
                    .then().statusCode(200);
            post(id, "personal-data-erasure", Map.of("erasedOn", "2025-03-02")).then().statusCode(200);
            List<ConsumerRecord<String, String>> records = topic.await(Topics.PARTICIPANTS, r -> r.key().equals(id.toString()), 4, Api.PUBLISHED);
            for (ConsumerRecord<String, String> record : records) {
                String everything = record.value() + " " + record.key() + " " + headersOf(record);
                for (String personal : List.of(name, vNumber, phone, "1991-11-23", "ERI")) {
                    assertFalse(everything.contains(personal), "personal data on Kafka: " + everything);
                }
            }
        } finally {
            root.removeHandler(capture);
            ours.setLevel(oursBefore);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("log capture attached")), "the capture saw the log");
        for (String line : logged) {
            for (String personal : List.of(name, vNumber, phone)) {
                assertFalse(line.contains(personal), "personal data in a log line: " + line);
            }
        }
    }

    private static String headersOf(ConsumerRecord<String, String> record) {
        StringBuilder headers = new StringBuilder();
        record.headers().forEach(header -> headers.append(header.key()).append('=')
                .append(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)).append(' '));
        return headers.toString();
    }
}
