package nl.werkdesk.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs {@link OpenApiValidationFilter} for every {@code @QuarkusTest} of a module that has this module on its test
 * class path (registered in META-INF/services): every response any test receives through RestAssured is checked
 * against the service's OpenAPI document, without a line in the tests.
 */
public class OpenApiValidation implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(OpenApiValidationFilter.class::isInstance)) {
            RestAssured.filters(new OpenApiValidationFilter());
        }
    }
}
