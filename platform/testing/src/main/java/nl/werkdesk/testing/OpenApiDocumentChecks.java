package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a service's OpenAPI document must hold besides what every exchange checks: every example in it validates
 * against its schema. A service runs it with an empty {@code @QuarkusTest} subclass.
 */
public abstract class OpenApiDocumentChecks {

    @Test
    void everyExampleInTheDocumentValidatesAgainstItsSchema() {
        OpenApiContract contract = OpenApiContract.ofServer(URI.create(RestAssured.baseURI + ":" + RestAssured.port));

        assertEquals(List.of(), contract.exampleViolations());
    }
}
