import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import nl.werkdesk.local.DevKeys;
import nl.werkdesk.local.scenario.Api;
import nl.werkdesk.local.scenario.Plan;
import nl.werkdesk.local.scenario.Scenario;
import nl.werkdesk.local.scenario.ScenarioGenerator;
import nl.werkdesk.local.scenario.ScenarioPlayer;

/**
 * The traffic of tools/prism-check.sh: the Amsterdam pilot scaled to a few participants, played through the REST
 * APIs at the given ports (Prism's proxies), then every query once (lists and single resources, the journey and the
 * work eligibility, the ledger, the metrics, the rebuilds) and an erasure of personal data.
 * Run with the launcher's class path: java -cp ... PrismScenario.java HOME FIRST_PORT PARTICIPANTS
 */
public class PrismScenario {

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        int participants = Integer.parseInt(args[2]);
        DevKeys keys = DevKeys.in(home.resolve("dev-keys"));
        Map<String, URI> services = new LinkedHashMap<>();
        List<String> names = List.of(Api.PARTICIPANTS, Api.EMPLOYERS, Api.PERMITS, Api.PLACEMENTS, Api.REPORTING);
        for (int i = 0; i < names.size(); i++) {
            services.put(names.get(i), URI.create("http://127.0.0.1:" + (first + i)));
        }
        Api api = new Api(services, keys::token);
        Plan plan = ScenarioGenerator.plan(Scenario.readResource(Scenario.AMSTERDAM_PILOT), participants);
        ScenarioPlayer.Result result = new ScenarioPlayer(api, System.out::println, 4, Duration.ofSeconds(90)).play(plan);
        System.out.println("scenario played; differences from the plan: " + result.differences());

        int queries = 0;
        List<String> participantIds = ids(api.get(Api.PARTICIPANTS, "caseworker", "/participants?pageSize=100"), "participantId");
        for (String id : participantIds) {
            api.get(Api.PARTICIPANTS, "caseworker", "/participants/" + id);
            queries++;
        }
        String erased = participantIds.get(0);
        api.post(Api.PARTICIPANTS, "caseworker", "/participants/" + erased + "/personal-data-erasure", Map.of("erasedOn", "2025-10-16"),
                UUID.randomUUID().toString());
        for (String id : List.of(erased, participantIds.get(participantIds.size() - 1))) {
            api.get(Api.PARTICIPANTS, "caseworker", "/participants/" + id);
            api.get(Api.PARTICIPANTS, "caseworker", "/participants/" + id + "/journey");
            api.get(Api.PARTICIPANTS, "caseworker", "/participants/" + id + "/work-eligibility?on=2025-10-16");
            queries += 3;
        }
        api.get(Api.PARTICIPANTS, "caseworker", "/participants?pageSize=100");
        api.get(Api.PARTICIPANTS, "caseworker", "/work-eligibility-policies");
        queries += 2;

        List<String> employerIds = ids(api.get(Api.EMPLOYERS, "employer-liaison", "/employers?pageSize=100"), "employerId");
        for (String id : employerIds) {
            api.get(Api.EMPLOYERS, "employer-liaison", "/employers/" + id);
            queries++;
        }
        api.get(Api.EMPLOYERS, "employer-liaison", "/employers/" + employerIds.get(0) + "/history");
        for (String id : ids(api.get(Api.EMPLOYERS, "employer-liaison", "/vacancies?pageSize=100"), "vacancyId")) {
            api.get(Api.EMPLOYERS, "employer-liaison", "/vacancies/" + id);
            queries++;
        }
        for (String id : ids(api.get(Api.EMPLOYERS, "employer-liaison", "/job-fairs?pageSize=100"), "jobFairId")) {
            api.get(Api.EMPLOYERS, "employer-liaison", "/job-fairs/" + id);
            queries++;
        }
        api.get(Api.EMPLOYERS, "employer-liaison", "/minimum-wages");
        queries += 5;

        for (String id : ids(api.get(Api.PERMITS, "permit-officer", "/permits?pageSize=100"), "permitId")) {
            api.get(Api.PERMITS, "permit-officer", "/permits/" + id);
            queries++;
        }
        api.get(Api.PERMITS, "permit-officer", "/permit-lead-times");
        for (String id : ids(api.get(Api.PLACEMENTS, "caseworker", "/placements?pageSize=100"), "placementId")) {
            api.get(Api.PLACEMENTS, "caseworker", "/placements/" + id);
            queries++;
        }
        queries += 3;

        for (String endpoint : List.of("summary", "funnel", "placements-by-sector", "placements-by-location", "monthly", "filters")) {
            api.get(Api.REPORTING, "analyst", "/metrics/" + endpoint + (endpoint.equals("filters") ? "" : "?asOf=2025-10-16"));
            api.get(Api.REPORTING, "finance", "/metrics/" + endpoint + (endpoint.equals("filters") ? "" : "?location=Willinklaan&phase=1"));
            queries += 2;
        }
        api.get(Api.REPORTING, "finance", "/programme-ledger");
        api.get(Api.REPORTING, "operator", "/projection-rebuilds");
        queries += 2;
        System.out.println("queries: " + queries + ", and one erasure");
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path(field).asText()));
        return ids;
    }
}
