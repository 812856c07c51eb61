package nl.werkdesk.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Valid command bodies the suite sends outside the load. */
final class OpenApiBodies {

    private static final AtomicLong V_NUMBERS = new AtomicLong(8_000_000_000L + (System.nanoTime() % 900_000_000L));

    private OpenApiBodies() {
    }

    static Map<String, Object> registration() {
        String vNumber = String.valueOf(V_NUMBERS.incrementAndGet());
        return Map.of("registeredOn", "2025-09-01", "location", "Kabelweg", "asylumApplicationDate", "2025-01-02", "wDocumentType", "W",
                "wDocumentValidUntil", "2027-01-01", "languages", List.of("ar"),
                "personalData", Map.of("fullName", "Probe " + vNumber, "dateOfBirth", "1991-02-03", "nationality", "ERI", "vNumber", vNumber));
    }

    static Map<String, Object> employer() {
        String kvk = String.valueOf(10_000_000 + V_NUMBERS.incrementAndGet() % 89_999_999);
        return Map.of("registeredOn", "2025-02-03", "tradeName", "Probe " + kvk, "kvkNumber", kvk, "sector", "logistics",
                "temporaryEmploymentAgency", false, "contactPerson", Map.of("name", "Probe Contact", "email", "probe" + kvk + "@example.org"));
    }

    /**
     * A command body that passes validation, so that a probe reaches the database: the services' own for registrations,
     * otherwise the one generated from the OpenAPI document (which the database-backed checks then judge).
     */
    static Object valid(String module, String path) {
        if (module.equals(ReliabilityStack.PARTICIPANT) && path.equals("/participants")) {
            return registration();
        }
        if (module.equals(ReliabilityStack.EMPLOYER) && path.equals("/employers")) {
            return employer();
        }
        OpenApi.Operation operation = OpenApi.all().stream().filter(o -> o.module().equals(module) && o.method().equals("POST")
                && o.path().equals(path)).findFirst().orElseThrow();
        return OpenApi.of(module).valid(operation.requestSchema()).toString();
    }
}
