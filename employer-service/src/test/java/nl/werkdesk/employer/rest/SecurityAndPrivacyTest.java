package nl.werkdesk.employer.rest;

import static io.restassured.RestAssured.given;
import static nl.werkdesk.employer.rest.Api.EMPLOYERS;
import static nl.werkdesk.employer.rest.Api.JOB_FAIRS;
import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
        for (String authorization : new String[] {null, TestTokens.expired(Roles.EMPLOYER_LIAISON),
                TestTokens.signedByForeignKey(Roles.EMPLOYER_LIAISON), TestTokens.withIssuer("urn:somebody-else", Roles.EMPLOYER_LIAISON),
                "Bearer not-a-token"}) {
            var request = given().contentType(ContentType.JSON);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(EMPLOYERS).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
            request.body(Api.registration("horeca")).post(EMPLOYERS).then().statusCode(401);
            request.get(VACANCIES).then().statusCode(401);
            request.get(JOB_FAIRS).then().statusCode(401);
        }
    }

    @Test
    void refusesEveryOtherRoleWith403() {
        UUID employer = Api.registerEmployer("horeca");
        UUID vacancy = Api.openVacancy(employer, "horeca");
        UUID fair = Api.recordJobFair("2025-03-12", List.of(employer));
        for (String role : List.of(Roles.CASEWORKER, Roles.ANALYST, Roles.RESEARCHER, Roles.PERMIT_OFFICER, Roles.FINANCE, Roles.OPERATOR)) {
            Api.as(role).get(EMPLOYERS).then().statusCode(403).contentType("application/problem+json");
            Api.as(role).get(EMPLOYERS + "/" + employer).then().statusCode(403);
            Api.as(role).get(EMPLOYERS + "/" + employer + "/history").then().statusCode(403);
            Api.as(role).body(Api.registration("horeca")).post(EMPLOYERS).then().statusCode(403);
            Api.as(role).body(Map.of("changedOn", "2025-03-01")).post(EMPLOYERS + "/" + employer + "/twv-intermediary").then().statusCode(403);
            Api.as(role).body(Map.of("changedOn", "2025-03-01", "contactPerson", Map.of("name", "Jan", "phone", "+31 20 1234567")))
                    .post(EMPLOYERS + "/" + employer + "/contact-person").then().statusCode(403);
            Api.as(role).body(Api.vacancy(employer, "horeca", "2025-03-03", 1500)).post(VACANCIES).then().statusCode(403);
            Api.as(role).body(Map.of("filledOn", "2025-04-01")).post(VACANCIES + "/" + vacancy + "/filling").then().statusCode(403);
            Api.as(role).body(Map.of("closedOn", "2025-04-01")).post(VACANCIES + "/" + vacancy + "/closure").then().statusCode(403);
            Api.as(role).body(Api.jobFair("2025-03-12", List.of(employer))).post(JOB_FAIRS).then().statusCode(403);
            Api.as(role).get(JOB_FAIRS + "/" + fair).then().statusCode(403);
            Api.as(role).body(Map.of("participantId", UUID.randomUUID().toString(), "employerId", employer.toString(), "metOn", "2025-03-12"))
                    .post(JOB_FAIRS + "/" + fair + "/meetings").then().statusCode(403);
        }
        for (String role : List.of(Roles.ANALYST, Roles.RESEARCHER, Roles.PERMIT_OFFICER, Roles.FINANCE, Roles.OPERATOR)) {
            Api.as(role).get(VACANCIES).then().statusCode(403);
            Api.as(role).get(VACANCIES + "/" + vacancy).then().statusCode(403);
        }
        Api.as(Roles.FINANCE).get("/api/v1/minimum-wages").then().statusCode(403);
    }

    @Test
    void keepsTheContactPersonOffKafkaAndOutOfTheLogs() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Petra Contactpersoon-" + suffix;
        String phone = "+31 6 " + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String email = "petra." + suffix + "@example.org";
        Map<String, Object> registration = BadInputTest.with(Api.registration("cleaning"), "contactPerson",
                Map.of("name", name, "phone", phone, "email", email));
        String nextName = "Youssef Opvolger-" + suffix;
        String nextEmail = "youssef." + suffix + "@example.org";
        Map<String, Object> next = Map.of("name", nextName, "email", nextEmail);
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()) + " " + record.getThrown());
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
        UUID employer;
        try {
            org.jboss.logging.Logger.getLogger(SecurityAndPrivacyTest.class).info("log capture attached");
            employer = Api.registerEmployer(registration);
            Api.asLiaison().body(registration).post(EMPLOYERS).then().statusCode(400);
            post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-03-01")).then().statusCode(200);
            post(EMPLOYERS + "/" + employer + "/contact-person", Map.of("changedOn", "2025-03-02", "contactPerson", next)).then().statusCode(200);
            post(EMPLOYERS + "/" + employer + "/contact-person", Map.of("changedOn", "2025-03-01", "contactPerson", next)).then().statusCode(400);
            UUID vacancy = Api.openVacancy(employer, "cleaning");
            post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", "2025-04-01")).then().statusCode(200);
            Api.asLiaison().get(EMPLOYERS + "/" + employer).then().statusCode(200).body("contactPerson.email", equalTo(nextEmail));
            Api.asLiaison().get(EMPLOYERS + "/" + employer + "/history").then().statusCode(200)
                    .body(not(containsString(nextName))).body(not(containsString(nextEmail)));
            topic.await(Topics.EMPLOYERS, r -> r.key().equals(employer.toString()), 2, Api.PUBLISHED);
            topic.await(Topics.EMPLOYERS, r -> r.key().equals(vacancy.toString()), 2, Api.PUBLISHED);
        } finally {
            root.removeHandler(capture);
            ours.setLevel(oursBefore);
        }
        List<ConsumerRecord<String, String>> everything = topic.readAll(Topics.EMPLOYERS);
        assertTrue(everything.stream().anyMatch(r -> r.key().equals(employer.toString())), "the employer's events were read");
        for (ConsumerRecord<String, String> record : everything) {
            String all = record.key() + " " + record.value() + " " + headersOf(record);
            for (String personal : List.of(name, phone, email, "Petra", nextName, nextEmail, "Youssef")) {
                assertFalse(all.contains(personal), "contact person data on Kafka: " + all);
            }
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("log capture attached")), "the capture saw the log");
        for (String line : logged) {
            for (String personal : List.of(name, phone, email, nextName, nextEmail)) {
                assertFalse(line.contains(personal), "contact person data in a log line: " + line);
            }
        }
    }

    private static String headersOf(ConsumerRecord<String, String> record) {
        StringBuilder headers = new StringBuilder();
        record.headers().forEach(header -> headers.append(header.key()).append('=')
                .append(new String(header.value(), StandardCharsets.UTF_8)).append(' '));
        return headers.toString();
    }
}
