package nl.werkdesk.employer.rest;

import static nl.werkdesk.employer.rest.Api.EMPLOYERS;
import static nl.werkdesk.employer.rest.Api.JOB_FAIRS;
import static nl.werkdesk.employer.rest.Api.VACANCIES;
import static nl.werkdesk.employer.rest.Api.asLiaison;
import static nl.werkdesk.employer.rest.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lists, filtered and paged. Other tests add rows too, so counts are compared before and after. */
@QuarkusTest
class ListTest {

    static JsonPath page(String path, Map<String, Object> filters) {
        return asLiaison().queryParams(filters).get(path).then().statusCode(200).extract().jsonPath();
    }

    static int total(String path, Map<String, Object> filters) {
        return page(path, filters).getInt("totalItems");
    }

    @Test
    void filtersEmployersBySectorAndTempAgency() {
        Map<String, Object> cleaning = Map.of("sector", "cleaning");
        Map<String, Object> cleaningAgencies = Map.of("sector", "cleaning", "temporaryEmploymentAgency", "true");
        int cleaningBefore = total(EMPLOYERS, cleaning);
        int agenciesBefore = total(EMPLOYERS, cleaningAgencies);
        UUID cleaner = Api.registerEmployer("cleaning");
        UUID agency = Api.registerEmployer(BadInputTest.with(Api.registration("cleaning"), "temporaryEmploymentAgency", true));
        UUID cook = Api.registerEmployer("horeca");

        assertEquals(cleaningBefore + 2, total(EMPLOYERS, cleaning));
        assertEquals(agenciesBefore + 1, total(EMPLOYERS, cleaningAgencies));
        List<String> ids = page(EMPLOYERS, Map.of("sector", "cleaning", "pageSize", "100")).getList("items.employerId");
        assertTrue(ids.containsAll(List.of(cleaner.toString(), agency.toString())));
        assertFalse(ids.contains(cook.toString()));
        assertFalse(page(EMPLOYERS, Map.of("sector", "cleaning", "pageSize", "100")).getString("items").contains("contactPerson"),
                "the list leaves the contact person out");
    }

    @Test
    void filtersVacanciesByStatusSectorAndEmployer() {
        UUID employer = Api.registerEmployer("home-care");
        UUID open = Api.openVacancy(employer, "home-care");
        UUID filled = Api.openVacancy(employer, "home-care");
        UUID closed = Api.openVacancy(employer, "home-care");
        UUID elsewhere = Api.openVacancy(employer, "cleaning");
        post(VACANCIES + "/" + filled + "/filling", Map.of("filledOn", "2025-04-01")).then().statusCode(200);
        post(VACANCIES + "/" + closed + "/closure", Map.of("closedOn", "2025-04-01")).then().statusCode(200);

        Map<String, Object> mine = Map.of("employerId", employer.toString());
        assertEquals(4, total(VACANCIES, mine));
        assertEquals(List.of(open.toString()), page(VACANCIES, with(mine, "status", "open", "sector", "home-care")).getList("items.vacancyId"));
        assertEquals(List.of(filled.toString()), page(VACANCIES, with(mine, "status", "filled")).getList("items.vacancyId"));
        assertEquals(List.of(closed.toString()), page(VACANCIES, with(mine, "status", "closed")).getList("items.vacancyId"));
        assertEquals(List.of(elsewhere.toString()), page(VACANCIES, with(mine, "sector", "cleaning")).getList("items.vacancyId"));
        assertEquals("filled", page(VACANCIES, with(mine, "status", "filled")).getString("items[0].status"));
        assertTrue(total(VACANCIES, Map.of("status", "open", "sector", "home-care")) >= 1);
    }

    @Test
    void pagesThroughEmployersWithoutOverlapByTradeName() {
        for (String name : List.of("Zuivel Zaandam", "Appel & Peer", "Maaltijdservice Noord")) {
            Api.registerEmployer(BadInputTest.with(Api.registration("other"), "tradeName", name));
        }
        Map<String, Object> filter = Map.of("sector", "other", "pageSize", "2");
        JsonPath first = page(EMPLOYERS, filter);
        int totalItems = first.getInt("totalItems");
        assertTrue(totalItems >= 3);
        assertEquals(2, first.getList("items").size());
        assertEquals((totalItems + 1) / 2, first.getInt("totalPages"));
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (int number = 1; number <= first.getInt("totalPages"); number++) {
            JsonPath page = page(EMPLOYERS, with(filter, "page", String.valueOf(number)));
            assertEquals(number, page.getInt("page"));
            for (String id : page.<String>getList("items.employerId")) {
                assertTrue(seen.add(id), "employer " + id + " on two pages");
            }
            names.addAll(page.getList("items.tradeName"));
        }
        assertEquals(totalItems, seen.size());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, names);
    }

    @Test
    void pagesThroughAnEmployersVacanciesMostRecentlyOpenedFirst() {
        UUID employer = Api.registerEmployer("logistics");
        List<String> openedOn = List.of("2025-03-03", "2025-03-10", "2025-03-05");
        for (String day : openedOn) {
            asLiaison().body(Api.vacancy(employer, "logistics", day, 1500)).post(VACANCIES).then().statusCode(201);
        }
        Map<String, Object> filter = Map.of("employerId", employer.toString(), "pageSize", "2");
        JsonPath first = page(VACANCIES, filter);
        JsonPath second = page(VACANCIES, with(filter, "page", "2"));
        assertEquals(3, first.getInt("totalItems"));
        assertEquals(2, first.getInt("totalPages"));
        List<String> days = new ArrayList<>(first.getList("items.openedOn"));
        days.addAll(second.getList("items.openedOn"));
        assertEquals(List.of("2025-03-10", "2025-03-05", "2025-03-03"), days);
        assertEquals(0, page(VACANCIES, with(filter, "page", "3")).getList("items").size());
    }

    @Test
    void listsTheJobFairsAnEmployerTookPartIn() {
        UUID employer = Api.registerEmployer("production");
        UUID other = Api.registerEmployer("production");
        UUID first = Api.recordJobFair("2025-03-12", List.of(employer));
        UUID second = Api.recordJobFair("2025-04-09", List.of(employer, other));
        Api.recordJobFair("2025-05-14", List.of(other));
        JsonPath fairs = page(JOB_FAIRS, Map.of("employerId", employer.toString()));
        assertEquals(2, fairs.getInt("totalItems"));
        assertEquals(List.of(second.toString(), first.toString()), fairs.getList("items.jobFairId"));
        assertEquals(0, fairs.getInt("items[0].meetingCount"));
    }

    private static Map<String, Object> with(Map<String, Object> filter, String... pairs) {
        Map<String, Object> changed = new HashMap<>(filter);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put(pairs[i], pairs[i + 1]);
        }
        return changed;
    }
}
