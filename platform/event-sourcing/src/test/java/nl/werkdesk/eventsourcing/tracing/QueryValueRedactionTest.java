package nl.werkdesk.eventsourcing.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.Test;

class QueryValueRedactionTest {

    @Test
    void keepsTheParameterNamesAndRedactsEveryValueAndBareToken() {
        assertEquals("name=REDACTED&page=REDACTED&REDACTED&flag=REDACTED",
                QueryValueRedaction.redact(AttributeKey.stringKey("url.query"), "name=Ana%20de%20Vries&page=2&1990-04-01&flag="));
    }

    @Test
    void redactsTheQueryOfAFullUrlAndLeavesItsPath() {
        assertEquals("http://localhost:8081/api/v1/participants?vNumber=REDACTED",
                QueryValueRedaction.redact(AttributeKey.stringKey("url.full"), "http://localhost:8081/api/v1/participants?vNumber=1234567890"));
        assertEquals("/api/v1/participants", QueryValueRedaction.redact(AttributeKey.stringKey("http.target"), "/api/v1/participants"));
    }
}
