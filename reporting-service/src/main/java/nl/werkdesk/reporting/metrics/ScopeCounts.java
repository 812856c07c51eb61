package nl.werkdesk.reporting.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.reporting.metrics.MetricsQueries.Totals;
import nl.werkdesk.reporting.view.JsonNames;

/**
 * A scope's day counts as of its date: per kind (as reporting_contributions names them) and value, the sum. A kind that
 * counts has value 0; a median's kind (twv-lead-time, intake-to-first-placement) has one value per number of days.
 */
public record ScopeCounts(Map<String, TreeMap<Integer, Long>> byKind) {

    private static final String SECTOR = "sector:";
    /** Placements started per sector: a sector's kind is "sector:" and its JSON name. */
    static final List<String> SECTOR_KINDS = Arrays.stream(Sector.values()).map(sector -> SECTOR + JsonNames.of(sector)).toList();
    /** The kinds the metrics read: reporting_contributions names them. */
    static final List<String> METRIC_KINDS = Stream.concat(Stream.of("enrolled", "intake", "activity", "twv-requested", "twv-granted",
            "twv-refused", "twv-lead-time", "participants-twv-requested", "participants-twv-granted", "placed",
            "intake-to-first-placement", "placements-started", "placements-ended", "ended-by-coa-relocation", "sustained",
            "participants-sustained"), SECTOR_KINDS.stream()).toList();
    /** The kinds of {@link MetricsQueries.FunnelCounts}: enough for the funnel's fields of {@link #totals()}. */
    static final List<String> FUNNEL_KINDS = List.of("enrolled", "intake", "activity", "participants-twv-requested",
            "participants-twv-granted", "placed", "participants-sustained");

    /** From rows of (kind, value, sum). */
    static ScopeCounts of(List<Object[]> rows) {
        Map<String, TreeMap<Integer, Long>> byKind = new HashMap<>();
        for (Object[] row : rows) {
            long n = MetricsQueries.number(row[2]);
            if (n != 0) {
                byKind.computeIfAbsent((String) row[0], kind -> new TreeMap<>()).put(((Number) row[1]).intValue(), n);
            }
        }
        return new ScopeCounts(byKind);
    }

    public long count(String kind) {
        return byKind.getOrDefault(kind, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The median of a kind's values, as PostgreSQL's percentile_cont(0.5) computes it (the same double): the middle value,
     * or lower + 0.5 * (upper - lower) of the two middle ones; null when there are none.
     */
    public Double median(String kind) {
        TreeMap<Integer, Long> histogram = byKind.getOrDefault(kind, new TreeMap<>());
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double lower = valueAt(histogram, (total - 1) / 2);
        double upper = valueAt(histogram, total / 2);
        return lower == upper ? lower : lower + 0.5 * (upper - lower);
    }

    /** The value at a rank (from 0) of the sorted values. */
    private static int valueAt(TreeMap<Integer, Long> histogram, long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + seen + " values");
    }

    Totals totals() {
        return new Totals(count("enrolled"), count("intake"), count("activity"), count("twv-requested"), count("twv-granted"),
                count("twv-refused"), median("twv-lead-time"), count("participants-twv-requested"),
                count("participants-twv-granted"), count("placed"), count("placements-started") - count("placements-ended"),
                count("sustained"), count("participants-sustained"), count("ended-by-coa-relocation"),
                median("intake-to-first-placement"));
    }

    /** Placements started per sector (its JSON name), for the sectors that have any. */
    Map<String, Long> bySector() {
        Map<String, Long> sectors = new LinkedHashMap<>();
        byKind.keySet().stream().filter(kind -> kind.startsWith(SECTOR)).sorted().forEach(kind -> {
            long count = count(kind);
            if (count != 0) {
                sectors.put(kind.substring(SECTOR.length()), count);
            }
        });
        return sectors;
    }
}
