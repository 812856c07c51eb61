package nl.werkdesk.testing;

import java.lang.annotation.Annotation;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

/**
 * Points a Quarkus test at its own database on the shared {@link PostgresServer}, created if needed. Init arg
 * {@value #DATABASE_ARG} (required) names it, e.g. "participant" (or {@link WerkdeskTestResources#database()}).
 * Returns the JDBC URL (Flyway), the reactive URL (Hibernate Reactive), username and password of
 * {@code quarkus.datasource}. {@link #stop()} leaves the server running: it is shared by all test classes and stops
 * when the JVM exits.
 */
public class PostgresTestResource implements QuarkusTestResourceConfigurableLifecycleManager<Annotation> {

    /** Init arg with the name of the service's database. */
    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(DATABASE_ARG);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(PostgresTestResource.class.getSimpleName() + " needs the init arg '"
                    + DATABASE_ARG + "', e.g. initArgs = @ResourceArg(name = \"" + DATABASE_ARG
                    + "\", value = \"participant\")");
        }
        database = name.trim();
    }

    /** Quarkus calls this instead of {@link #init(Map)} when a meta-annotation declared the resource. */
    @Override
    public void init(Annotation metaAnnotation) {
        if (metaAnnotation instanceof WerkdeskTestResources werkdesk) {
            init(Map.of(DATABASE_ARG, werkdesk.database()));
        } else {
            init(ResourceArgs.declaredOn(metaAnnotation, PostgresTestResource.class));
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = PostgresServer.shared();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The server outlives this test class; a shutdown hook stops it when the JVM exits.
    }
}
