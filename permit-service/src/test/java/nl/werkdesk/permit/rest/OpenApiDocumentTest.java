package nl.werkdesk.permit.rest;

import io.quarkus.test.junit.QuarkusTest;
import nl.werkdesk.testing.OpenApiDocumentChecks;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentChecks {
}
