package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.EMPLOYERS;
import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
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
    void ofAFillingAndAClosureAtTheSameTimeExactlyOneWinsAndTheOtherIsRefusedWith409() throws Exception {
        UUID vacancy = Api.openVacancy(Api.registerEmployer("production"), "production");
        List<Integer> statuses = concurrently(
                () -> post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", "2025-04-01")).statusCode(),
                () -> post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", "2025-04-01")).statusCode());
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        asLiaison().get(VACANCIES + "/" + vacancy).then().header("ETag", "\"2\"");
    }

    @Test
    void ofTwoCommandsOnTheSameVersionExactlyOneWinsAndTheOtherGets412() throws Exception {
        UUID employer = Api.registerEmployer("horeca");
        List<Integer> statuses = concurrently(
                () -> asLiaison().header("If-Match", "\"1\"").body(Map.of("changedOn", "2025-03-01"))
                        .post(EMPLOYERS + "/" + employer + "/twv-intermediary").statusCode(),
                () -> asLiaison().header("If-Match", "\"1\"").body(Map.of("changedOn", "2025-03-02", "twvIntermediary", Map.of("from", "2025-04-01")))
                        .post(EMPLOYERS + "/" + employer + "/twv-intermediary").statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
    }

    @Test
    void refusesACommandWhoseIfMatchIsStale() {
        UUID employer = Api.registerEmployer("horeca");
        post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-03-01")).then().statusCode(200);
        BadInputTest.problem(asLiaison().header("If-Match", "\"1\"").body(Map.of("changedOn", "2025-04-01", "twvIntermediary",
                        Map.of("from", "2025-04-01"))).post(EMPLOYERS + "/" + employer + "/twv-intermediary").then(), 412)
                .body("type", equalTo(BadInputTest.PROBLEM + "version-mismatch"));
        asLiaison().header("If-Match", "\"2\"").body(Map.of("changedOn", "2025-04-01", "twvIntermediary", Map.of("from", "2025-04-01")))
                .post(EMPLOYERS + "/" + employer + "/twv-intermediary").then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void replaysTheFirstResponseForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.registration("cleaning");
        Response first = asLiaison().header("Idempotency-Key", key).body(body).post(EMPLOYERS).then().statusCode(201).extract().response();
        Response again = asLiaison().header("Idempotency-Key", key).body(body).post(EMPLOYERS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().response();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        String id = first.path("employerId");
        topic.await(Topics.EMPLOYERS, r -> r.key().equals(id), 1, Api.PUBLISHED);
        asLiaison().queryParam("kvkNumber", body.get("kvkNumber")).get(EMPLOYERS).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void replaysARegistrationOnceEvenWhenItArrivesTwiceAtTheSameTime() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.registration("cleaning");
        List<Integer> statuses = concurrently(
                () -> asLiaison().header("Idempotency-Key", key).body(body).post(EMPLOYERS).statusCode(),
                () -> asLiaison().header("Idempotency-Key", key).body(body).post(EMPLOYERS).statusCode());
        assertEquals(List.of(201, 201), statuses);
        asLiaison().queryParam("kvkNumber", body.get("kvkNumber")).get(EMPLOYERS).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void replaysAFillingOnceEvenWhenItArrivesTwiceAtTheSameTime() throws Exception {
        UUID vacancy = Api.openVacancy(Api.registerEmployer("production"), "production");
        String key = UUID.randomUUID().toString();
        Map<String, Object> filling = Map.of("filledOn", "2025-04-01");
        List<Integer> statuses = concurrently(
                () -> asLiaison().header("Idempotency-Key", key).body(filling).post(VACANCIES + "/" + vacancy + "/filling").statusCode(),
                () -> asLiaison().header("Idempotency-Key", key).body(filling).post(VACANCIES + "/" + vacancy + "/filling").statusCode());
        assertEquals(List.of(200, 200), statuses);
        asLiaison().get(VACANCIES + "/" + vacancy).then().header("ETag", "\"2\"").body("status", equalTo("filled"));
    }

    @Test
    void refusesTheSameIdempotencyKeyWithAnotherBodyWith422() {
        String key = UUID.randomUUID().toString();
        asLiaison().header("Idempotency-Key", key).body(Api.registration("horeca")).post(EMPLOYERS).then().statusCode(201);
        BadInputTest.problem(asLiaison().header("Idempotency-Key", key).body(Api.registration("horeca")).post(EMPLOYERS).then(), 422)
                .body("type", equalTo(BadInputTest.PROBLEM + "idempotency-key-reused"));
    }

    @Test
    void refusesAKvkNumberThatIsAlreadyRegisteredNamingTheField() {
        Map<String, Object> body = Api.registration("horeca");
        UUID first = Api.registerEmployer(body);
        BadInputTest.refusedOn(asLiaison().body(BadInputTest.with(body, "tradeName", "Another Name")).post(EMPLOYERS).then(), "kvkNumber",
                "kvk-number-already-registered");
        asLiaison().queryParam("kvkNumber", body.get("kvkNumber")).get(EMPLOYERS).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].employerId", equalTo(first.toString()));
    }

    @Test
    void ofTwoRegistrationsWithOneKvkNumberAtTheSameTimeOnlyOneIsRegistered() throws Exception {
        Map<String, Object> body = Api.registration("logistics");
        List<String> outcomes = concurrently(
                () -> outcome(asLiaison().body(body).post(EMPLOYERS)),
                () -> outcome(asLiaison().body(body).post(EMPLOYERS)));
        assertEquals(List.of("201", "400 " + BadInputTest.PROBLEM + "kvk-number-already-registered"), outcomes.stream().sorted().toList());
        asLiaison().queryParam("kvkNumber", body.get("kvkNumber")).get(EMPLOYERS).then().statusCode(200).body("totalItems", equalTo(1));
    }

    /** The status, and for a problem its type. */
    private static String outcome(Response response) {
        return response.statusCode() < 400 ? String.valueOf(response.statusCode()) : response.statusCode() + " " + response.path("type");
    }

    @SafeVarargs
    private static <T> List<T> concurrently(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(List.of(calls))) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
