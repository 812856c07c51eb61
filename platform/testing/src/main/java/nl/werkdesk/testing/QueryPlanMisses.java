package nl.werkdesk.testing;

import org.hibernate.stat.Statistics;

/**
 * How many times Hibernate's query-plan cache missed while some work ran: a statement that misses on every execution
 * grows the cache by one entry each time (see the kernel's SessionSql).
 */
public final class QueryPlanMisses {

    private QueryPlanMisses() {
    }

    /** The misses counted by {@code statistics} (a session factory's) while {@code work} ran; statistics on meanwhile. */
    public static long during(Statistics statistics, Runnable work) {
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
