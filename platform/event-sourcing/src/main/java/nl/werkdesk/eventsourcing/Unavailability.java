package nl.werkdesk.eventsourcing;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.JDBCException;

/**
 * Tells a backing service being away (database restarting, connection refused) from a bug, and describes a
 * failure by its exception types only: messages may quote request values, which may be personal data.
 */
public final class Unavailability {

    private static final List<String> UNAVAILABLE_TYPES = List.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.netty.channel.ConnectTimeoutException",
            "io.vertx.core.http.ConnectionPoolTooBusyException");

    /** SQLSTATE classes of a server that is shutting down, starting or unreachable. */
    private static final List<String> UNAVAILABLE_SQL_STATES = List.of("57P01", "57P02", "57P03", "08000", "08001", "08003", "08006");

    private Unavailability() {
    }

    public static boolean isUnavailable(Throwable failure) {
        if (hasSqlState(failure, UNAVAILABLE_SQL_STATES)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // SocketException: a connection reset or broken under a request in flight, as when PostgreSQL shuts down.
            if (cause instanceof ConnectException || cause instanceof SocketException
                    || UNAVAILABLE_TYPES.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause.getClass().getName().startsWith("io.netty.channel") && cause.getMessage() != null
                    && cause.getMessage().contains("Connection refused")) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL's SQLSTATE anywhere in the failure's chain is one of {@code sqlStates}. The driver's
     * PgException carries it when it reaches us raw (as a failed COMMIT does); Hibernate Reactive converts a failed
     * statement into a JDBCException over a new SQLException that keeps the SQLSTATE but drops the PgException.
     */
    public static boolean hasSqlState(Throwable failure, Collection<String> sqlStates) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String sqlState = cause instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState()
                    : null;
            if (sqlState != null && sqlStates.contains(sqlState)) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    /** The chain of exception types and the frame each was thrown from, without messages. */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null && parts.size() < 8; cause = cause.getCause()) {
            StackTraceElement[] trace = cause.getStackTrace();
            parts.add(cause.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : ""));
            if (cause == cause.getCause()) {
                break;
            }
        }
        return String.join(" <- ", parts);
    }
}
