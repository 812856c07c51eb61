package nl.werkdesk.eventsourcing;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;

/**
 * A statement that returns rows (a SELECT, or a write with RETURNING), run on the Hibernate Reactive session's own
 * connection, so inside its transaction, with PostgreSQL's positional parameters ({@code $1}, {@code $2}, ...).
 *
 * <p>Why not {@code session.createNativeQuery(...).getResultList()}: in Hibernate Reactive 3.2 the query-plan cache key
 * of a native select never equals another (its result-set mapping wrapper has no {@code equals}), while its hash is the
 * SQL's. Every execution misses and adds one more entry under the same hash, until the cache (2,048 plans) is mostly
 * copies of the hottest statement and each lookup walks them all: a fifth of the services' CPU per command at c=1
 * (docs/decisions.md). Statements without rows ({@code executeUpdate}) do not use that cache.
 * A constraint violation still fails as Hibernate's {@code ConstraintViolationException}, as through a native query.
 * Hibernate does not flush the session's pending entity writes before such a statement: run it before them, or flush.
 */
public final class SessionSql {

    private SessionSql() {
    }

    /** The rows of {@code sql} with the given parameters, each row as its columns in order. */
    public static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Object... parameters) {
        if (!(session instanceof MutinySessionImpl connections)) {
            // Its public getReactiveConnection is the session's own connection; no interface of the API offers it.
            throw new IllegalStateException("not a Hibernate Reactive session of its Mutiny API: " + session.getClass().getName());
        }
        return Uni.createFrom().completionStage(() -> connections.getReactiveConnection().select(sql, parameters))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }
}
