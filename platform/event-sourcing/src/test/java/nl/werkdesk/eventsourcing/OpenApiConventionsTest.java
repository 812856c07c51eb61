package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.werkdesk.eventsourcing.http.OpenApiConventions;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** The document a service gets: what its operations can answer, and absent values as null only where marked. */
class OpenApiConventionsTest {

    @Test
    void documentsEveryProblemACommandCanAnswer() {
        Operation command = command();
        OpenAPI document = document("/api/v1/things/{thingId}/repairs", OASFactory.createPathItem().POST(command));

        new OpenApiConventions().filterOpenAPI(document);

        assertEquals(Set.of("200", "400", "401", "403", "404", "406", "409", "412", "413", "415", "422", "500", "503"),
                new TreeSet<>(command.getResponses().getAPIResponses().keySet()));
        assertEquals("#/components/schemas/Problem", command.getResponses().getAPIResponse("412").getContent()
                .getMediaType("application/problem+json").getSchema().getRef());
        assertEquals(Set.of("API-Version", "ETag"), command.getResponses().getAPIResponse("200").getHeaders().keySet());
        assertEquals(Set.of("API-Version", "Retry-After"), command.getResponses().getAPIResponse("503").getHeaders().keySet());
        assertTrue(document.getComponents().getHeaders().values().stream().allMatch(header -> header.getRequired()));
    }

    @Test
    void documentsOnlyTheProblemsAQueryWithoutParametersCanAnswer() {
        Operation query = OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory
                .createAPIResponse().content(json(OASFactory.createSchema().ref("#/components/schemas/Figures")))));
        OpenAPI document = document("/api/v1/figures", OASFactory.createPathItem().GET(query));
        document.getComponents().addSchema("Figures", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("count", OASFactory.createSchema().addType(SchemaType.INTEGER)));

        new OpenApiConventions().filterOpenAPI(document);

        assertEquals(Set.of("200", "401", "403", "406", "500", "503"), new TreeSet<>(query.getResponses().getAPIResponses().keySet()));
        assertEquals(Set.of("API-Version"), query.getResponses().getAPIResponse("200").getHeaders().keySet(), "no version, no ETag");
        assertEquals(Set.of("/figures"), document.getPaths().getPathItems().keySet(), "paths below the server URL");
    }

    @Test
    void requiresEveryPropertyOfAResponseAndNullOnlyWhereMarked() {
        OpenAPI document = document("/api/v1/things/{thingId}/repairs", OASFactory.createPathItem().POST(command()));

        new OpenApiConventions().filterOpenAPI(document);

        Schema thing = document.getComponents().getSchemas().get("Thing");
        assertEquals(List.of("thingId", "version", "retiredOn", "owner", "previousOwner", "count"), thing.getRequired());
        for (String alike : List.of("owner", "previousOwner")) {
            Schema owner = thing.getProperties().get(alike);
            assertNull(owner.getType(), alike + ": a nullable reference is its anyOf and nothing else");
            assertEquals(2, owner.getAnyOf().size());
        }
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), thing.getProperties().get("retiredOn").getType());
        assertNull(thing.getProperties().get("count").getType(), "a reference says its type through its target");
        assertEquals("#/components/schemas/Count", thing.getProperties().get("count").getRef());
        assertNull(document.getComponents().getSchemas().get("RepairRequest").getRequired(), "request schemas keep their own required");
    }

    @Test
    void letsAReferenceSayItsTypeAndANullableEnumerationHoldNull() {
        OpenAPI document = document("/api/v1/things/{thingId}/repairs", OASFactory.createPathItem().POST(command()));
        Schema thing = document.getComponents().getSchemas().get("Thing");
        thing.addProperty("count", OASFactory.createSchema().addType(SchemaType.OBJECT).ref("#/components/schemas/NumberOrText"));
        thing.addProperty("colour", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL))
                .enumeration(List.of("red", "green")));
        thing.addProperty("size", OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("small", "large")));

        new OpenApiConventions().filterOpenAPI(document);

        assertNull(thing.getProperties().get("count").getType(), "a reference's type is its target's");
        assertEquals(Arrays.asList("red", "green", null), thing.getProperties().get("colour").getEnumeration());
        assertEquals(List.of("small", "large"), thing.getProperties().get("size").getEnumeration(), "not nullable: no null");
    }

    @Test
    void refusesASchemaThatIsBothARequestAndAResponse() {
        Operation command = command();
        command.getRequestBody().getContent().getMediaType("application/json").setSchema(OASFactory.createSchema().ref("#/components/schemas/Thing"));
        OpenAPI document = document("/api/v1/things/{thingId}/repairs", OASFactory.createPathItem().POST(command));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new OpenApiConventions().filterOpenAPI(document));

        assertTrue(failure.getMessage().contains("both a request and a response"), failure.getMessage());
    }

    /** A POST with a body, a path parameter, If-Match and Idempotency-Key, answering a Thing with its version. */
    private static Operation command() {
        return OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("thingId").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody().content(json(OASFactory.createSchema().ref("#/components/schemas/RepairRequest"))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                        OASFactory.createAPIResponse().content(json(OASFactory.createSchema().ref("#/components/schemas/Thing")))));
    }

    private static OpenAPI document(String path, org.eclipse.microprofile.openapi.models.PathItem item) {
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item))
                .components(OASFactory.createComponents());
        document.getComponents().addSchema("Thing", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("thingId", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("version", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("retiredOn", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)).format("date"))
                .addProperty("owner", nullableOwner())
                .addProperty("previousOwner", nullableOwner())
                .addProperty("count", describedCount()));
        document.getComponents().addSchema("Count", OASFactory.createSchema().oneOf(List.of(
                OASFactory.createSchema().addType(SchemaType.INTEGER), OASFactory.createSchema().addType(SchemaType.STRING))));
        document.getComponents().addSchema("Owner", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("name", OASFactory.createSchema().addType(SchemaType.STRING)));
        document.getComponents().addSchema("RepairRequest", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("what", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("note", OASFactory.createSchema().addType(SchemaType.STRING)));
        return document;
    }

    /** A nullable reference as SmallRye writes it when the property has a description: a type beside the anyOf. */
    private static Schema nullableOwner() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("Null when nobody owns it")
                .anyOf(List.of(OASFactory.createSchema().ref("#/components/schemas/Owner"), OASFactory.createSchema().addType(SchemaType.NULL)));
    }

    /** A reference to a class with a schema of its own, as SmallRye writes it when the property has a description. */
    private static Schema describedCount() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("Things counted").ref("#/components/schemas/Count");
    }

    private static org.eclipse.microprofile.openapi.models.media.Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }
}
