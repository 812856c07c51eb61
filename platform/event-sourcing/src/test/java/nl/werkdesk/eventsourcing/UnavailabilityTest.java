package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PessimisticLockException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.exception.LockAcquisitionException;
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

    /**
     * What Hibernate Reactive makes of a deadlocked statement (seen by IdempotentConsumerTransientFailureTest): the
     * SQLSTATE sits only in a new SQLException, the driver's PgException is gone.
     */
    @Test
    void readsTheSqlStateHibernateReactiveKeepsInASqlException() {
        Throwable deadlock = new PessimisticLockException("could not execute statement",
                new LockAcquisitionException("could not execute statement", new SQLException("deadlock detected", "40P01")));
        assertTrue(Unavailability.hasSqlState(deadlock, Set.of("40P01", "40001")));
        assertFalse(Unavailability.hasSqlState(deadlock, Set.of("23505")));
        assertFalse(Unavailability.hasSqlState(new IllegalStateException("no database here"), Set.of("40P01")));
    }

    @Test
    void aDatabaseShuttingDownUnderAConvertedStatementIsUnavailability() {
        assertTrue(Unavailability.isUnavailable(new LockAcquisitionException("could not execute statement",
                new SQLException("terminating connection due to administrator command", "57P01"))));
    }
}
