package nl.werkdesk.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published JSON Schema stays backward compatible with the version committed under baseline/<topic>/: no
 * property removed or retyped, none newly required. A breaking change needs a new topic version (whose baseline
 * starts afresh); releasing a compatible change means copying the schema over its baseline.
 */
class SchemaCompatibilityTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Object[]> publishedSchemas() {
        return Catalogs.ALL.stream().flatMap(catalog -> catalog.types().stream().map(type -> new Object[] {catalog.topic(), type}));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("publishedSchemas")
    void staysCompatibleWithItsBaseline(String topic, EventType type) throws IOException {
        String baseline = "baseline/" + topic + "/" + type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
        JsonNode previous = read(baseline, "no baseline " + baseline + ": copy " + type.schemaResource() + " there when it is released");
        assertEquals(List.of(), SchemaCompatibility.breaks(previous, read(type.schemaResource(), type.schemaResource())),
                type.name() + " breaks its consumers; publish the change on a new topic version instead");
    }

    @Test
    void findsEachKindOfBreakInAFixtureAndAcceptsAnOptionalAddition() throws IOException {
        JsonNode baseline = read("baseline/werkdesk.participants.v1/participant-registered.v1.json", "the baseline");
        assertEquals(List.of("languages: removed"), breaksOf(baseline, "field-removed"));
        assertEquals(List.of("registeredOn: retyped from [string] date to [string] date-time"), breaksOf(baseline, "field-retyped"));
        assertEquals(List.of("municipality: newly required"), breaksOf(baseline, "field-newly-required"));
        assertEquals(List.of("workEligibility.policy: retyped from [string] to [null, string]"), breaksOf(baseline, "nested-field-retyped"));
        assertEquals(List.of(), breaksOf(baseline, "optional-field-added"));
    }

    private static List<String> breaksOf(JsonNode baseline, String fixture) throws IOException {
        return SchemaCompatibility.breaks(baseline, read("compatibility/participant-registered." + fixture + ".json", fixture));
    }

    private static JsonNode read(String resource, String missing) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, missing);
            return JSON.readTree(in);
        }
    }
}
