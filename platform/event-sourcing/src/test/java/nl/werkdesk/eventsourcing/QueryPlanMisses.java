package nl.werkdesk.eventsourcing;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;

/**
 * How many times Hibernate's query-plan cache missed while some work ran: a statement that misses on every execution
 * grows the cache by one entry each time (see {@link SessionSql}).
 */
final class QueryPlanMisses {

    private QueryPlanMisses() {
    }

    static long during(Mutiny.SessionFactory sessions, Runnable work) {
        Statistics statistics = sessions.getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            long before = statistics.getQueryPlanCacheMissCount();
            work.run();
            return statistics.getQueryPlanCacheMissCount() - before;
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }
}
