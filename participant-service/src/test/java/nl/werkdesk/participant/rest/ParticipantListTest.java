package nl.werkdesk.participant.rest;

import static nl.werkdesk.participant.rest.Api.PARTICIPANTS;
import static nl.werkdesk.participant.rest.Api.asCaseworker;
import static nl.werkdesk.participant.rest.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The participant list, filtered and paged. Other tests add participants too, so counts are compared before and after. */
@QuarkusTest
class ParticipantListTest {

    static int total(Map<String, Object> filters) {
        return asCaseworker().queryParams(filters).get(PARTICIPANTS).then().statusCode(200).extract().path("totalItems");
    }

    static JsonPath page(Map<String, Object> filters) {
        return asCaseworker().queryParams(filters).get(PARTICIPANTS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filtersByLocationStatusIntakeAndEligibility() {
        Map<String, Object> atProvincialeweg = Map.of("location", "Provincialeweg");
        Map<String, Object> withIntake = Map.of("location", "Provincialeweg", "intakeCompleted", "true");
        Map<String, Object> withoutIntake = Map.of("location", "Provincialeweg", "intakeCompleted", "false");
        Map<String, Object> left = Map.of("location", "Provincialeweg", "status", "left");
        Map<String, Object> eligibleInApril = Map.of("location", "Provincialeweg", "eligible", "true", "eligibleOn", "2025-04-01");
        Map<String, Object> notEligibleInMarch = Map.of("location", "Provincialeweg", "eligible", "false", "eligibleOn", "2025-03-01");
        Map<String, Integer> before = new HashMap<>();
        for (var filter : List.of(atProvincialeweg, withIntake, withoutIntake, left, eligibleInApril, notEligibleInMarch)) {
            before.put(filter.toString(), total(filter));
        }

        UUID first = Api.register("Provincialeweg");
        UUID second = Api.register("Provincialeweg");
        UUID third = Api.register("Provincialeweg");
        Map<String, Object> dublin = new HashMap<>(Api.registration("Provincialeweg"));
        dublin.put("wDocumentType", "W2");
        UUID dublinClaimant = Api.register(dublin);
        post(first, "intake", Api.intake("2025-02-10")).then().statusCode(200);
        post(second, "intake", Api.intake("2025-02-11")).then().statusCode(200);
        post(second, "exit", Map.of("reason", "departed", "leftOn", "2025-03-01")).then().statusCode(200);

        assertEquals(before.get(atProvincialeweg.toString()) + 4, total(atProvincialeweg));
        assertEquals(before.get(withIntake.toString()) + 2, total(withIntake));
        assertEquals(before.get(withoutIntake.toString()) + 2, total(withoutIntake));
        assertEquals(before.get(left.toString()) + 1, total(left));
        assertEquals(before.get(eligibleInApril.toString()) + 3, total(eligibleInApril), "all but the Dublin claimant");
        assertEquals(before.get(notEligibleInMarch.toString()) + 4, total(notEligibleInMarch), "nobody before 2025-03-15");
        List<String> leftIds = page(Map.of("location", "Provincialeweg", "status", "left", "pageSize", "100")).getList("items.participantId");
        assertTrue(leftIds.contains(second.toString()) && !leftIds.contains(first.toString()));
        assertTrue(page(Map.of("location", "Provincialeweg", "pageSize", "100")).getList("items.participantId")
                .containsAll(List.of(first.toString(), third.toString(), dublinClaimant.toString())));
    }

    @Test
    void pagesThroughTheListWithoutOverlapNewestRegistrationFirst() {
        for (int i = 0; i < 3; i++) {
            Api.register("Kabelweg");
        }
        Map<String, Object> filter = Map.of("location", "Kabelweg", "pageSize", "2");
        JsonPath firstPage = page(withPage(filter, 1));
        int totalItems = firstPage.getInt("totalItems");
        assertTrue(totalItems >= 3);
        assertEquals(2, firstPage.getList("items").size());
        assertEquals((totalItems + 1) / 2, firstPage.getInt("totalPages"));
        Set<String> seen = new HashSet<>();
        List<String> registeredOn = new ArrayList<>();
        for (int number = 1; number <= firstPage.getInt("totalPages"); number++) {
            JsonPath page = page(withPage(filter, number));
            assertEquals(number, page.getInt("page"));
            for (String id : page.<String>getList("items.participantId")) {
                assertTrue(seen.add(id), "participant " + id + " on two pages");
            }
            registeredOn.addAll(page.getList("items.registeredOn"));
        }
        assertEquals(totalItems, seen.size());
        List<String> sorted = new ArrayList<>(registeredOn);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, registeredOn);
    }

    private static Map<String, Object> withPage(Map<String, Object> filter, int page) {
        Map<String, Object> withPage = new HashMap<>(filter);
        withPage.put("page", String.valueOf(page));
        return withPage;
    }
}
