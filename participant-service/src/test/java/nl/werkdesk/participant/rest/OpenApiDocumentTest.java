package nl.werkdesk.participant.rest;

import io.quarkus.test.junit.QuarkusTest;
import nl.werkdesk.testing.OpenApiDocumentChecks;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentChecks {
}
