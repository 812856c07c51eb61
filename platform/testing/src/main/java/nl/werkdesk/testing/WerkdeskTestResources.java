package nl.werkdesk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The three test resources of a Werkdesk service in one annotation: the shared Kafka broker with all standard
 * topics, the service's own database on the shared PostgreSQL, and the JWT key pair.
 * <pre>
 * &#64;QuarkusTest
 * &#64;WerkdeskTestResources(database = "participant")
 * class ParticipantResourceTest { ... }
 * </pre>
 * Quarkus finds this meta-annotation by reflection on each test class (and its superclasses), so it must be on
 * every {@code @QuarkusTest} class, or on a common superclass, with the same values everywhere: a class without it
 * has other resources and makes Quarkus restart the application. To declare the resources once for the whole
 * module instead, put the three {@code @WithTestResource} annotations on one class in the test sources (see the
 * README).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
public @interface WerkdeskTestResources {

    /** The service's database on the shared server, e.g. "participant". */
    String database();

    /**
     * Topics to create besides the integration and dead-letter topics, comma separated. A String, not an array:
     * Quarkus compares these values to decide whether the next test class needs a restart, and arrays never
     * compare equal.
     */
    String topics() default "";
}
