package nl.werkdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks that what a producer put on Kafka is what platform/contracts promises: a known CloudEvents type of
 * the catalog, the schema it names in ce_dataschema, and data that validates against that JSON Schema.
 */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** Fails with an AssertionError that names the event and every violation. */
    public static void assertValid(EventCatalog catalog, ConsumerRecord<String, String> record) {
        String ceType = KafkaTopicReader.header(record, "ce_type");
        EventType type = catalog.byCloudEventType(ceType)
                .orElseThrow(() -> new AssertionError("ce_type " + ceType + " is not in the " + catalog.context() + " catalog"));
        String dataSchema = KafkaTopicReader.header(record, "ce_dataschema");
        if (!type.dataSchema().toString().equals(dataSchema)) {
            throw new AssertionError(type.name() + " names ce_dataschema " + dataSchema + " instead of " + type.dataSchema());
        }
        assertValid(type, record.value());
    }

    public static void assertValid(EventType type, String json) {
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(type.name() + " data is not JSON: " + json, e);
        }
        Set<ValidationMessage> violations = schemaOf(type).validate(data);
        if (!violations.isEmpty()) {
            throw new AssertionError(type.name() + " does not match its schema " + type.schemaResource() + ": " + violations);
        }
    }

    private static JsonSchema schemaOf(EventType type) {
        return SCHEMAS.computeIfAbsent(type.schemaResource(), resource -> {
            try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AssertionError("no schema " + resource + " in platform/contracts");
                }
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in), config);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + resource, e);
            }
        });
    }
}
