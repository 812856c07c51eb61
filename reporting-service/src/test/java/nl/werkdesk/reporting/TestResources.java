package nl.werkdesk.reporting;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import nl.werkdesk.testing.JwtTestResource;
import nl.werkdesk.testing.KafkaTestResource;
import nl.werkdesk.testing.PostgresTestResource;

/** The real broker, database and key pair every @QuarkusTest of reporting-service runs against. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = TestResources.DATABASE))
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    public static final String DATABASE = "reporting";

    private TestResources() {
    }
}
