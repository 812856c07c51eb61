package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.EMPLOYERS;
import static nl.werkdesk.employer.rest.Api.JOB_FAIRS;
import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json that names the field, never a 500 and never a stack trace. */
@QuarkusTest
class BadInputTest {

    static final String PROBLEM = "urn:nld:werkdesk:problem:";

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("API-Version", "1.0.0")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("type", containsString("urn:nld:werkdesk:problem:"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    /** Bad input, found before the employer's rules decide: the kernel's invalid-input, naming the field. */
    static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return naming(response, field).body("type", equalTo(PROBLEM + "invalid-input"));
    }

    /** A field refused by the domain with this code: 400 naming the field. */
    static ValidatableResponse refusedOn(ValidatableResponse response, String field, String code) {
        return naming(response, field).body("type", equalTo(PROBLEM + code)).header("Retry-After", nullValue());
    }

    private static ValidatableResponse naming(ValidatableResponse response, String field) {
        return problem(response, 400).body("invalidParams.name", hasItem(field));
    }

    /** Refused by the state of the resource with this code: 409, and no Retry-After (retrying cannot help). */
    static ValidatableResponse refused(ValidatableResponse response, String code) {
        return problem(response, 409).body("type", equalTo(PROBLEM + code)).header("Retry-After", nullValue());
    }

    /** Refused because another service's fact has not arrived yet: 409 with this code and a Retry-After. */
    static ValidatableResponse notYetKnown(ValidatableResponse response, String code) {
        return problem(response, 409).body("type", equalTo(PROBLEM + code)).header("Retry-After", notNullValue());
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> body, String... fields) {
        Map<String, Object> changed = new HashMap<>(body);
        for (String field : fields) {
            changed.remove(field);
        }
        return changed;
    }

    static String tomorrow() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
    }

    @Test
    void refusesMalformedJson() {
        problem(asLiaison().body("{\"registeredOn\": \"2025-02-03\",").post(EMPLOYERS).then(), 400)
                .body("invalidParams[0].name", equalTo("body"));
        problem(asLiaison().body("[1, 2").post(VACANCIES).then(), 400).body("invalidParams[0].name", equalTo("body"));
    }

    @Test
    void refusesAnUnknownFieldByName() {
        invalid(asLiaison().body(with(Api.registration("horeca"), "website", "https://demolen.example")).post(EMPLOYERS).then(), "website");
        Map<String, Object> contact = Map.of("name", "Jan", "phone", "+31 20 1234567", "bsn", "123456782");
        invalid(asLiaison().body(with(Api.registration("horeca"), "contactPerson", contact)).post(EMPLOYERS).then(), "contactPerson.bsn");
    }

    @Test
    void refusesWrongTypesByName() {
        Map<String, Object> registration = Api.registration("horeca");
        invalid(asLiaison().body(with(registration, "registeredOn", "last tuesday")).post(EMPLOYERS).then(), "registeredOn");
        invalid(asLiaison().body(with(registration, "kvkNumber", 12345678)).post(EMPLOYERS).then(), "kvkNumber");
        invalid(asLiaison().body(with(registration, "temporaryEmploymentAgency", "yes")).post(EMPLOYERS).then(), "temporaryEmploymentAgency");
        // An unknown value of an enumeration is answered with the values it may take.
        invalid(asLiaison().body(with(registration, "sector", "mining")).post(EMPLOYERS).then(), "sector")
                .body("invalidParams[0].reason", containsString("home-care"));
        UUID employer = Api.registerEmployer("horeca");
        Map<String, Object> vacancy = Api.vacancy(employer, "horeca", "2025-03-03", 1500);
        invalid(asLiaison().body(with(vacancy, "hourlyWageCents", "15 euro")).post(VACANCIES).then(), "hourlyWageCents");
        invalid(asLiaison().body(with(vacancy, "hoursPerWeek", 32.5)).post(VACANCIES).then(), "hoursPerWeek");
        invalid(asLiaison().body(with(vacancy, "employerId", "the bakery")).post(VACANCIES).then(), "employerId");
        invalid(asLiaison().body(with(vacancy, "requiredDutchLevel", "fluent")).post(VACANCIES).then(), "requiredDutchLevel");
        invalid(asLiaison().body(Map.of("heldOn", "2025-03-12", "location", "azc", "employerIds", employer.toString())).post(JOB_FAIRS).then(),
                "employerIds");
    }

    @Test
    void refusesMissingFieldsByName() {
        invalid(asLiaison().body(without(Api.registration("horeca"), "registeredOn", "kvkNumber", "contactPerson")).post(EMPLOYERS).then(),
                "registeredOn")
                .body("invalidParams.name", hasItem("kvkNumber"))
                .body("invalidParams.name", hasItem("contactPerson"));
        UUID employer = Api.registerEmployer("horeca");
        invalid(asLiaison().body(without(Api.vacancy(employer, "horeca", "2025-03-03", 1500), "hourlyWageCents", "title")).post(VACANCIES).then(),
                "hourlyWageCents").body("invalidParams.name", hasItem("title"));
        invalid(asLiaison().body(Map.of("twvIntermediary", Map.of("from", "2025-03-01"))).post(EMPLOYERS + "/" + employer + "/twv-intermediary")
                .then(), "changedOn");
        problem(asLiaison().post(EMPLOYERS).then(), 400);
    }

    @Test
    void refusesInvalidValuesByTheirPath() {
        Map<String, Object> registration = with(Api.registration("horeca"), "kvkNumber", "1234567");
        registration.put("contactPerson", Map.of("name", " ", "email", "not an address"));
        registration.put("twvIntermediary", Map.of("until", "2025-07-31"));
        invalid(asLiaison().body(registration).post(EMPLOYERS).then(), "kvkNumber")
                .body("invalidParams.name", hasItem("contactPerson.name"))
                .body("invalidParams.name", hasItem("contactPerson.email"))
                .body("invalidParams.name", hasItem("twvIntermediary.from"));
        invalid(asLiaison().body(with(Api.registration("horeca"), "contactPerson", Map.of("name", "Jan de Vries"))).post(EMPLOYERS).then(),
                "contactPerson").body("invalidParams", hasSize(1));
        // Either way of reaching the contact is enough on its own.
        asLiaison().body(with(Api.registration("horeca"), "contactPerson", Map.of("name", "Jan de Vries", "email", "jan@demolen.example")))
                .post(EMPLOYERS).then().statusCode(201);
        asLiaison().body(with(Api.registration("horeca"), "contactPerson", Map.of("name", "Jan de Vries", "phone", "+31 20 1234567")))
                .post(EMPLOYERS).then().statusCode(201);
        UUID registered = Api.registerEmployer("horeca");
        invalid(post(EMPLOYERS + "/" + registered + "/contact-person", Map.of("changedOn", "2025-03-01",
                "contactPerson", Map.of("name", "Jan de Vries"))).then(), "contactPerson");
        invalid(post(EMPLOYERS + "/" + registered + "/contact-person", Map.of("changedOn", "2025-03-01")).then(), "contactPerson");
        asLiaison().get(EMPLOYERS + "/" + registered).then().statusCode(200).header("ETag", "\"1\"")
                .body("contactPerson.name", equalTo("Jan de Vries"));
        refusedOn(asLiaison().body(with(Api.registration("horeca"), "twvIntermediary", Map.of("from", "2025-03-01", "until", "2025-02-01")))
                .post(EMPLOYERS).then(), "twvIntermediary.until", "twv-intermediary-ends-before-start");
        UUID employer = Api.registerEmployer("horeca");
        invalid(asLiaison().body(with(Api.vacancy(employer, "horeca", "2025-03-03", 1500), "hoursPerWeek", 61)).post(VACANCIES).then(),
                "hoursPerWeek");
        List<String> withNull = new java.util.ArrayList<>();
        withNull.add(employer.toString());
        withNull.add(null);
        invalid(asLiaison().body(Map.of("heldOn", "2025-03-12", "location", "azc", "employerIds", withNull)).post(JOB_FAIRS).then(),
                "employerIds[1]");
    }

    @Test
    void refusesDatesInTheFuture() {
        invalid(asLiaison().body(with(Api.registration("horeca"), "registeredOn", tomorrow())).post(EMPLOYERS).then(), "registeredOn");
        UUID employer = Api.registerEmployer("horeca");
        invalid(post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", tomorrow())).then(), "changedOn");
        invalid(post(EMPLOYERS + "/" + employer + "/contact-person", Map.of("changedOn", tomorrow(),
                "contactPerson", Map.of("name", "Jan", "phone", "+31 20 1234567"))).then(), "changedOn");
        invalid(asLiaison().body(Api.vacancy(employer, "horeca", tomorrow(), 2000)).post(VACANCIES).then(), "openedOn");
        UUID vacancy = Api.openVacancy(employer, "horeca");
        invalid(post(VACANCIES + "/" + vacancy + "/filling", Map.of("filledOn", tomorrow())).then(), "filledOn");
        invalid(post(VACANCIES + "/" + vacancy + "/closure", Map.of("closedOn", tomorrow())).then(), "closedOn");
        invalid(asLiaison().body(Api.jobFair(tomorrow(), List.of(employer))).post(JOB_FAIRS).then(), "heldOn");
        UUID fair = Api.recordJobFair("2025-03-12", List.of(employer));
        invalid(post(JOB_FAIRS + "/" + fair + "/meetings", Map.of("participantId", UUID.randomUUID().toString(),
                "employerId", employer.toString(), "metOn", tomorrow())).then(), "metOn");
    }

    @Test
    void refusesCommandsOutOfOrderWithTheEmployersRegistration() {
        UUID employer = Api.registerEmployer("horeca");
        refusedOn(post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-01-31")).then(), "changedOn",
                "date-before-employer-registration");
        post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-03-01")).then().statusCode(200);
        refusedOn(post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-02-28",
                "twvIntermediary", Map.of("from", "2025-03-01"))).then(), "changedOn", "date-before-previous-intermediary-change");
        refused(post(EMPLOYERS + "/" + employer + "/twv-intermediary", Map.of("changedOn", "2025-03-02")).then(),
                "twv-intermediary-unchanged");
    }

    @Test
    void answersUnknownIdsInThePathWith404() {
        UUID unknown = UUID.randomUUID();
        problem(asLiaison().get(EMPLOYERS + "/" + unknown).then(), 404).body("detail", containsString(unknown.toString()));
        problem(asLiaison().get(EMPLOYERS + "/" + unknown + "/history").then(), 404);
        problem(post(EMPLOYERS + "/" + unknown + "/twv-intermediary", Map.of("changedOn", "2025-03-01")).then(), 404);
        problem(post(EMPLOYERS + "/" + unknown + "/contact-person", Map.of("changedOn", "2025-03-01",
                "contactPerson", Map.of("name", "Jan", "phone", "+31 20 1234567"))).then(), 404);
        problem(asLiaison().get(VACANCIES + "/" + unknown).then(), 404);
        problem(post(VACANCIES + "/" + unknown + "/filling", Map.of("filledOn", "2025-03-01")).then(), 404);
        problem(post(VACANCIES + "/" + unknown + "/closure", Map.of("closedOn", "2025-03-01")).then(), 404);
        problem(asLiaison().get(JOB_FAIRS + "/" + unknown).then(), 404);
        problem(post(JOB_FAIRS + "/" + unknown + "/meetings", Map.of("participantId", unknown.toString(), "employerId", unknown.toString(),
                "metOn", "2025-03-01")).then(), 404);
        problem(asLiaison().get(EMPLOYERS + "/not-a-uuid").then(), 404);
    }

    @Test
    void answersTheIdOfAnotherKindOfStreamWith404() {
        UUID employer = Api.registerEmployer("horeca");
        UUID vacancy = Api.openVacancy(employer, "horeca");
        UUID fair = Api.recordJobFair("2025-03-12", List.of(employer));
        problem(asLiaison().get(VACANCIES + "/" + employer).then(), 404);
        problem(post(VACANCIES + "/" + fair + "/closure", Map.of("closedOn", "2025-03-13")).then(), 404);
        problem(asLiaison().get(JOB_FAIRS + "/" + vacancy).then(), 404);
        problem(post(JOB_FAIRS + "/" + employer + "/meetings", Map.of("participantId", UUID.randomUUID().toString(),
                "employerId", employer.toString(), "metOn", "2025-03-12")).then(), 404);
        problem(asLiaison().get(EMPLOYERS + "/" + vacancy).then(), 404);
        problem(post(EMPLOYERS + "/" + fair + "/twv-intermediary", Map.of("changedOn", "2025-03-13")).then(), 404);
        asLiaison().get(VACANCIES + "/" + vacancy).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void refusesAnOversizedBody() {
        problem(asLiaison().body(with(Api.registration("horeca"), "tradeName", "x".repeat(300 * 1024))).post(EMPLOYERS).then(), 413);
    }

    @Test
    void refusesBadQueryParametersByName() {
        invalid(asLiaison().queryParam("page", "first").get(EMPLOYERS).then(), "page");
        invalid(asLiaison().queryParam("pageSize", "1000").get(EMPLOYERS).then(), "pageSize");
        invalid(asLiaison().queryParam("sector", "mining").get(EMPLOYERS).then(), "sector");
        invalid(asLiaison().queryParam("temporaryEmploymentAgency", "yes").get(EMPLOYERS).then(), "temporaryEmploymentAgency");
        invalid(asLiaison().queryParam("kvkNumber", "123").get(EMPLOYERS).then(), "kvkNumber");
        invalid(asLiaison().queryParam("status", "vacant").get(VACANCIES).then(), "status");
        invalid(asLiaison().queryParam("employerId", "the bakery").get(VACANCIES).then(), "employerId");
        invalid(asLiaison().queryParam("employerId", "the bakery").get(JOB_FAIRS).then(), "employerId");
        invalid(asLiaison().queryParam("on", "03-03-2025").get("/api/v1/minimum-wages").then(), "on");
        invalid(asLiaison().header("If-Match", "version two").body(Map.of("closedOn", "2025-03-01"))
                .post(VACANCIES + "/" + UUID.randomUUID() + "/closure").then(), "If-Match");
        invalid(asLiaison().header("Idempotency-Key", "k".repeat(201)).body(Api.registration("horeca")).post(EMPLOYERS).then(),
                "Idempotency-Key");
    }

    @Test
    void refusesOtherMediaTypesAndMethods() {
        problem(asLiaison().contentType("text/plain").body("hello").post(EMPLOYERS).then(), 415);
        problem(asLiaison().delete(VACANCIES).then(), 405);
    }
}
