package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import nl.werkdesk.eventsourcing.http.IdempotencyRecordPurge;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyRecordPurgeTest {

    @Inject
    IdempotencyRecordPurge purge;

    @Test
    void deletesRecordsOlderThanTheRetentionAndKeepsRecentOnes() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        try (Connection database = PostgresServer.shared().connect("kernel")) {
            insert(database, old, "now() - interval '8 days'");
            insert(database, recent, "now() - interval '1 hour'");
            Counters.await(() -> purge.purge().replaceWith(true));
            assertFalse(exists(database, old), "a record older than seven days is purged");
            assertTrue(exists(database, recent), "a record of an hour ago is kept for retries");
        }
    }

    private static void insert(Connection database, String key, String createdAt) throws SQLException {
        database.createStatement().executeUpdate("INSERT INTO idempotency_records (idempotency_key, request_fingerprint, stream_id, version, status, created_at)"
                + " VALUES ('" + key + "', 'f', '" + UUID.randomUUID() + "', 1, 200, " + createdAt + ")");
    }

    private static boolean exists(Connection database, String key) throws SQLException {
        try (ResultSet result = database.createStatement().executeQuery("SELECT 1 FROM idempotency_records WHERE idempotency_key = '" + key + "'")) {
            return result.next();
        }
    }
}
