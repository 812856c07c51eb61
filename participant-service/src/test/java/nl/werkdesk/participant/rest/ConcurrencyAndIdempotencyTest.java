package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static nl.werkdesk.participant.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.werkdesk.contracts.Topics;
import nl.werkdesk.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrencyAndIdempotencyTest {

    final KafkaTopicReader topic = new KafkaTopicReader();

    @Test
    void ofTwoConcurrentIntakesExactlyOneWinsAndTheOtherIsRefusedWith409() throws Exception {
        UUID id = Api.register("Willinklaan");
        List<Integer> statuses = concurrently(
                () -> post(id, "intake", Api.intake("2025-02-10")).statusCode(),
                () -> post(id, "intake", Api.intake("2025-02-11")).statusCode());
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        asCaseworker().get(PARTICIPANTS + "/" + id).then().header("ETag", "\"2\"");
    }

    @Test
    void ofTwoConcurrentCommandsOnTheSameVersionExactlyOneWinsAndTheOtherGets412() throws Exception {
        UUID id = Api.register("Willinklaan");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200).header("ETag", "\"2\"");
        List<Integer> statuses = concurrently(
                () -> asCaseworker().header("If-Match", "\"2\"").body(Map.of("activity", "cv-help", "completedOn", "2025-02-20"))
                        .post(PARTICIPANTS + "/" + id + "/activities").statusCode(),
                () -> asCaseworker().header("If-Match", "\"2\"").body(Map.of("activity", "job-fair", "completedOn", "2025-02-21"))
                        .post(PARTICIPANTS + "/" + id + "/activities").statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
    }

    @Test
    void refusesACommandWhoseIfMatchIsStale() {
        UUID id = Api.register("Willinklaan");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
        asCaseworker().header("If-Match", "\"1\"").body(Map.of("activity", "cv-help", "completedOn", "2025-02-20"))
                .post(PARTICIPANTS + "/" + id + "/activities").then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412))
                .body("type", equalTo("urn:nld:werkdesk:problem:version-mismatch"));
        asCaseworker().header("If-Match", "\"2\"").body(Map.of("activity", "cv-help", "completedOn", "2025-02-20"))
                .post(PARTICIPANTS + "/" + id + "/activities").then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void replaysTheFirstResponseForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.registration("Willinklaan");
        Response first = asCaseworker().header("Idempotency-Key", key).body(body).post(PARTICIPANTS).then().statusCode(201).extract().response();
        Response again = asCaseworker().header("Idempotency-Key", key).body(body).post(PARTICIPANTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().response();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        String id = first.path("participantId");
        topic.await(Topics.PARTICIPANTS, r -> r.key().equals(id), 1, Api.PUBLISHED);
        asCaseworker().get(PARTICIPANTS + "/" + id + "/journey").then().body("steps.size()", equalTo(1));
    }

    @Test
    void replaysARepeatedCommandWhoseIfMatchItselfMadeStale() {
        UUID id = Api.register("Willinklaan");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200).header("ETag", "\"2\"");
        String key = UUID.randomUUID().toString();
        Map<String, Object> activity = Map.of("activity", "cv-help", "completedOn", "2025-02-20");
        Response first = asCaseworker().header("Idempotency-Key", key).header("If-Match", "\"2\"").body(activity)
                .post(PARTICIPANTS + "/" + id + "/activities").then().statusCode(200).header("ETag", "\"3\"").extract().response();
        Response again = asCaseworker().header("Idempotency-Key", key).header("If-Match", "\"2\"").body(activity)
                .post(PARTICIPANTS + "/" + id + "/activities").then().statusCode(200).header("ETag", "\"3\"")
                .header("Idempotent-Replayed", "true").extract().response();
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        asCaseworker().get(PARTICIPANTS + "/" + id).then().body("activities.size()", equalTo(1)).header("ETag", "\"3\"");
    }

    @Test
    void replaysACommandOnAParticipantOnceEvenWhenItArrivesTwiceAtTheSameTime() throws Exception {
        UUID id = Api.register("Willinklaan");
        post(id, "intake", Api.intake("2025-02-10")).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> activity = Map.of("activity", "job-fair", "completedOn", "2025-02-20");
        List<Integer> statuses = concurrently(
                () -> asCaseworker().header("Idempotency-Key", key).body(activity).post(PARTICIPANTS + "/" + id + "/activities").statusCode(),
                () -> asCaseworker().header("Idempotency-Key", key).body(activity).post(PARTICIPANTS + "/" + id + "/activities").statusCode());
        assertEquals(List.of(200, 200), statuses);
        asCaseworker().get(PARTICIPANTS + "/" + id).then().body("activities.size()", equalTo(1)).header("ETag", "\"3\"");
    }

    @Test
    void refusesTheSameIdempotencyKeyWithAnotherBodyWith422() {
        String key = UUID.randomUUID().toString();
        asCaseworker().header("Idempotency-Key", key).body(Api.registration("Willinklaan")).post(PARTICIPANTS).then().statusCode(201);
        Map<String, Object> other = new HashMap<>(Api.registration("Kabelweg"));
        asCaseworker().header("Idempotency-Key", key).body(other).post(PARTICIPANTS).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:nld:werkdesk:problem:idempotency-key-reused"));
    }

    @Test
    void refusesASecondRegistrationWithTheSameVNumber() {
        Map<String, Object> body = Api.registration("Willinklaan");
        Api.register(body);
        asCaseworker().body(body).post(PARTICIPANTS).then().statusCode(400)
                .body("type", equalTo("urn:nld:werkdesk:problem:v-number-already-registered"))
                .body("invalidParams[0].name", equalTo("personalData.vNumber"));
    }

    @SafeVarargs
    private static List<Integer> concurrently(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(List.of(calls))) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
