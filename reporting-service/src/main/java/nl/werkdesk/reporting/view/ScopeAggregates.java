package nl.werkdesk.reporting.view;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.werkdesk.reporting.domain.Phases;
import org.jboss.logging.Logger;

/**
 * The day counts the analyst's figures are read from (scope_day_counts, scope_month_counts; the migration
 * V2026_12_07_10 keeps them by a trigger on the facts). They are kept per phase of the registration date, and the phases
 * are configuration: at start the configured phases are compared with those the counts were made with, and on a
 * difference the live generation's counts are made again. A rebuild's generation is counted in bulk at its switch.
 */
@ApplicationScoped
public class ScopeAggregates {

    private static final Logger LOG = Logger.getLogger(ScopeAggregates.class);
    /** Serialises two instances that start together; the counts have their own lock per generation. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(1717, -1)";
    private static final String STORED = "SELECT number, starts_on FROM reporting_phases ORDER BY number";
    private static final String FORGET = "DELETE FROM reporting_phases";
    private static final String REMEMBER = "INSERT INTO reporting_phases (number, starts_on) VALUES ($1, $2)";
    private static final String FILL_LIVE = "SELECT reporting_fill(live_generation) FROM projection_state WHERE id = 1";
    /** Set in a transaction whose fact writes the trigger leaves alone: the rebuild's, counted at the switch. */
    public static final String BULK = "SET LOCAL werkdesk.bulk_facts = 'on'";
    /** Counts a whole generation ($1) from its facts, in the caller's transaction: a rebuild's, at its switch. */
    public static final String FILL = "SELECT CAST(reporting_fill($1) AS text)";
    public static final List<String> TABLES = List.of("participant_contributions", "evaluation_contributions", "evaluation_pending",
            "scope_day_counts", "scope_month_counts");

    private final Pool pool;
    private final Phases phases;

    ScopeAggregates(Pool pool, Phases phases) {
        this.pool = pool;
        this.phases = phases;
    }

    void start(@Observes StartupEvent start) {
        boolean changed = followPhases().await().indefinitely();
        if (changed) {
            LOG.infof("the phases were not those the day counts were made with: counted again for %s", phases.all());
        }
    }

    /** Writes the configured phases and counts the live generation again if they differ from the stored ones: true if so. */
    public Uni<Boolean> followPhases() {
        return pool.withTransaction(this::followPhases);
    }

    private Uni<Boolean> followPhases(SqlConnection connection) {
        List<Tuple> configured = new ArrayList<>();
        phases.all().forEach(phase -> configured.add(Tuple.of(phase.number(), phase.startsOn())));
        return connection.query(LOCK).execute().chain(() -> connection.query(STORED).execute()).chain(rows -> {
            List<Tuple> stored = new ArrayList<>();
            for (Row row : rows) {
                stored.add(Tuple.of(row.getInteger(0), row.getLocalDate(1)));
            }
            if (same(stored, configured)) {
                return Uni.createFrom().item(false);
            }
            Uni<?> written = connection.query(FORGET).execute();
            if (!configured.isEmpty()) {
                written = written.chain(() -> connection.preparedQuery(REMEMBER).executeBatch(configured));
            }
            return written.chain(() -> connection.query(FILL_LIVE).execute()).replaceWith(true);
        });
    }

    private static boolean same(List<Tuple> stored, List<Tuple> configured) {
        if (stored.size() != configured.size()) {
            return false;
        }
        List<Tuple> sorted = new ArrayList<>(configured);
        sorted.sort((a, b) -> Integer.compare(a.getInteger(0), b.getInteger(0)));
        for (int i = 0; i < stored.size(); i++) {
            if (!stored.get(i).getInteger(0).equals(sorted.get(i).getInteger(0))
                    || !stored.get(i).getLocalDate(1).equals((LocalDate) sorted.get(i).getValue(1))) {
                return false;
            }
        }
        return true;
    }

}
