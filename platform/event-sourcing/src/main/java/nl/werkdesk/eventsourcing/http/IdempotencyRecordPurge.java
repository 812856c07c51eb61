package nl.werkdesk.eventsourcing.http;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import nl.werkdesk.eventsourcing.Unavailability;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** An Idempotency-Key protects against retries, which come within minutes: old records are deleted. */
@ApplicationScoped
public class IdempotencyRecordPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyRecordPurge.class);

    private final Pool pool;
    private final Duration retention;

    IdempotencyRecordPurge(Pool pool, @ConfigProperty(name = "werkdesk.idempotency.retention") Duration retention) {
        this.pool = pool;
        this.retention = retention;
    }

    @Scheduled(every = "${werkdesk.idempotency.purge-interval}", delayed = "${werkdesk.idempotency.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> purge() {
        return pool.preparedQuery("DELETE FROM idempotency_records WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .invoke(rows -> LOG.debugf("purged %d idempotency records older than %s", rows.rowCount(), retention))
                .onFailure().invoke(failure -> LOG.warnf("idempotency records not purged: %s", Unavailability.describe(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
