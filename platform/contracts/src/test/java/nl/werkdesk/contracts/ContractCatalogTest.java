package nl.werkdesk.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event of every catalog: its JSON Schema is valid, says exactly what the record says, accepts what a
 * producer writes, and is referenced by the AsyncAPI document of its topic.
 */
class ContractCatalogTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Components that would be personal data: none may appear in any event. */
    static final Set<String> PERSONAL = Set.of("name", "fullName", "dateOfBirth", "birthDate", "nationality", "vNumber",
            "phone", "email", "bsn", "contactPerson", "address");
    /** Values a sample needs to satisfy a schema's pattern. */
    static final Map<String, Object> SAMPLE_TEXT = Map.of("kvkNumber", "12345678", "languages", "ar", "format", "csv",
            "generalisations", "enrolment-month-to-quarter", "sha256", "0123456789abcdef".repeat(4));

    static Stream<EventType> eventTypes() {
        return Catalogs.ALL.stream().flatMap(catalog -> catalog.types().stream());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void hasAValidSchemaNamedAfterItsTypeAndDataSchemaUri(EventType type) throws IOException {
        JsonSchema metaSchema = factory().getSchema(URI.create("https://json-schema.org/draft/2020-12/schema"));
        JsonNode schema = readSchema(type);
        assertEquals(Set.of(), metaSchema.validate(schema), "against the 2020-12 meta-schema");
        assertEquals(type.dataSchema().toString(), schema.get("$id").asText());
        assertEquals(type.name(), schema.get("title").asText());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaHasExactlyTheRecordsFieldsAllRequired(EventType type) throws IOException {
        JsonNode schema = readSchema(type);
        Set<String> components = new HashSet<>();
        for (RecordComponent component : type.javaType().getRecordComponents()) {
            components.add(component.getName());
        }
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        assertEquals(components, properties, "schema properties");
        assertEquals(components, required, "required properties");
        assertFalse(schema.get("additionalProperties").asBoolean(), "unknown properties are refused");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void acceptsWhatAProducerWrites(EventType type) throws Exception {
        Object event = sample(type.javaType());
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory().getSchema(readSchema(type), config);
        assertEquals(Set.of(), schema.validate(JSON.valueToTree(event)), type.name() + " " + JSON.writeValueAsString(event));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void carriesNoPersonalData(EventType type) {
        for (RecordComponent component : type.javaType().getRecordComponents()) {
            assertFalse(PERSONAL.contains(component.getName()), type.name() + "." + component.getName());
        }
    }

    @Test
    void eachTopicHasOneCatalogAndAnAsyncApiDocumentListingEveryEvent() throws IOException {
        assertEquals(Topics.ALL, Catalogs.ALL.stream().map(EventCatalog::topic).toList());
        Set<String> ceTypes = new HashSet<>();
        for (EventCatalog catalog : Catalogs.ALL) {
            String document = resource("asyncapi/" + catalog.topic().replace("werkdesk.", "").replace(".v1", "") + ".yaml");
            assertTrue(document.contains("address: " + catalog.topic()), catalog.topic());
            assertTrue(document.contains("const: " + catalog.source()), catalog.topic() + " source");
            for (EventType type : catalog.types()) {
                assertTrue(document.contains("$ref: '#/components/messages/" + type.name() + "'"), type.name() + " in the channel");
                assertTrue(document.contains("$ref: '../" + type.schemaResource() + "'"), type.name() + " payload");
                assertTrue(ceTypes.add(type.cloudEventType()), type.cloudEventType() + " is unique");
            }
        }
    }

    /** A record with a plausible value in every component, as a producer would fill it. */
    static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getType(), components[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    static Object value(String name, Class<?> type, Type generic) throws Exception {
        if (type == UUID.class) {
            return UUID.fromString("3f0a6c1e-2b7d-4e58-9a41-6c2d8e9f0b17");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2025, 3, 3);
        }
        if (type == Instant.class) {
            return Instant.parse("2025-03-03T09:15:30Z");
        }
        if (type == String.class) {
            return SAMPLE_TEXT.getOrDefault(name, "Willinklaan");
        }
        if (type == int.class || type == Integer.class) {
            return 8;
        }
        if (type == long.class || type == Long.class) {
            return 1450L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return sample(type);
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            Class<?> element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object item = value(name, element, element);
            return Set.class.isAssignableFrom(type) ? Set.of(item) : List.of(item);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    static JsonNode readSchema(EventType type) throws IOException {
        return JSON.readTree(resource(type.schemaResource()));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ContractCatalogTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
