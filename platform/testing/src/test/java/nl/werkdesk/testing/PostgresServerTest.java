package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final PostgresServer postgres = PostgresServer.shared();

    @AfterEach
    void serverIsBackForTheNextTest() {
        if (!postgres.isExternal()) {
            postgres.start();
        }
    }

    @Test
    void eachServiceGetsItsOwnDatabaseOnOneServer() throws SQLException {
        postgres.createDatabase("alpha_db");
        postgres.createDatabase("beta-db");
        postgres.createDatabase("alpha_db");

        execute("alpha_db", "DROP TABLE IF EXISTS note", "CREATE TABLE note (text varchar(40))",
                "INSERT INTO note VALUES ('in alpha')");
        execute("beta-db", "DROP TABLE IF EXISTS note", "CREATE TABLE note (text varchar(40))",
                "INSERT INTO note VALUES ('in beta')");

        assertEquals("in alpha", firstNote("alpha_db"));
        assertEquals("in beta", firstNote("beta-db"));
    }

    @Test
    void serverComesBackOnTheSamePortWithItsData() throws SQLException {
        assumeFalse(postgres.isExternal(), "an external server cannot be stopped");
        postgres.createDatabase("outage");
        execute("outage", "DROP TABLE IF EXISTS note", "CREATE TABLE note (text varchar(40))",
                "INSERT INTO note VALUES ('before the outage')");
        int port = postgres.port();

        postgres.stop();

        assertFalse(Ports.acceptsConnections(port), "the server port is closed");
        assertThrows(SQLException.class, () -> postgres.connect("outage").close());

        postgres.start();

        assertEquals(port, postgres.port());
        assertEquals("before the outage", firstNote("outage"));
    }

    @Test
    void testResourceReturnsTheJdbcAndReactiveUrlsOfTheServiceDatabase() throws SQLException {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of(PostgresTestResource.DATABASE_ARG, "participant"));

        Map<String, String> config = resource.start();

        String address = postgres.host() + ":" + postgres.port();
        assertEquals("jdbc:postgresql://" + address + "/participant", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("postgresql://" + address + "/participant", config.get("quarkus.datasource.reactive.url"));
        assertEquals(postgres.username(), config.get("quarkus.datasource.username"));
        assertEquals(postgres.password(), config.get("quarkus.datasource.password"));
        try (Connection connection = postgres.connect("participant")) {
            assertTrue(connection.isValid(2));
        }
    }

    @Test
    void testResourceRequiresTheDatabaseArg() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresTestResource().init(Map.of()));
    }

    private void execute(String database, String... statements) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String firstNote(String database) throws SQLException {
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT text FROM note")) {
            assertTrue(result.next(), "a row in " + database);
            return result.getString(1);
        }
    }
}
