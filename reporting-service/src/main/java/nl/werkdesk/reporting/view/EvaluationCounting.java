package nl.werkdesk.reporting.view;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import nl.werkdesk.eventsourcing.Unavailability;
import org.jboss.logging.Logger;

/**
 * The evaluation's day counts are counted off the consumers' commit (migration V2026_12_08_01): a commit marks its
 * participants pending, and they are counted here, every werkdesk.reporting.evaluation-counting-interval and before
 * every read of an evaluation figure. So the consumers' commits pay only for the metrics' kinds, and a figure still
 * counts every event processed before it was read.
 */
@ApplicationScoped
public class EvaluationCounting {

    public static final String IDENTITY = "evaluation-counting";
    private static final Logger LOG = Logger.getLogger(EvaluationCounting.class);
    private static final String COUNT_PENDING = "SELECT evaluation_count_pending()";

    private final Pool pool;

    EvaluationCounting(Pool pool) {
        this.pool = pool;
    }

    /** Counts the pending participants; a read of an evaluation figure waits for it. */
    public Uni<Void> countPending() {
        return pool.query(COUNT_PENDING).execute().replaceWithVoid();
    }

    /** In the background, so that reads rarely find much pending; a failure waits for the next tick or read. */
    @Scheduled(identity = IDENTITY, every = "${werkdesk.reporting.evaluation-counting-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countPendingInTheBackground() {
        return countPending()
                .onFailure().invoke(failure -> LOG.warnf("pending evaluation counts not counted: %s", Unavailability.describe(failure)))
                .onFailure().recoverWithNull();
    }
}
