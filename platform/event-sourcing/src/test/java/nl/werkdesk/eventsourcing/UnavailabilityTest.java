package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** A backing service going away is a 503 (retry in a few seconds), never a 500 (our bug). */
class UnavailabilityTest {

    /** What a request in flight meets when PostgreSQL shuts down under it (found by deploy/reliability's PostgresRestartTest). */
    @Test
    void aConnectionResetByTheDatabaseIsUnavailability() {
        assertTrue(Unavailability.isUnavailable(new SocketException("Connection reset")));
        assertTrue(Unavailability.isUnavailable(new IllegalStateException("wrapped", new SocketException("Broken pipe"))));
    }

    @Test
    void aBugIsNoUnavailability() {
        assertFalse(Unavailability.isUnavailable(new NullPointerException()));
        assertFalse(Unavailability.isUnavailable(new IllegalStateException("wrapped", new IllegalArgumentException())));
    }
}
