package nl.werkdesk.reporting.evaluation;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.werkdesk.reporting.metrics.ScopeCounts;

/**
 * The TWV burden's input from the day counts: the kinds twv_contributions writes (migration V2026_12_07_22, docs/decisions.md
 * "Analyst reads from day counts"), read as of a scope's date. Each request is in one outcome kind from its request on, and
 * in a closed kind while it is pending and closed; a decision is in a lead-time kind (value: days); a placement on a TWV is
 * in twv:waited (value: days waited) and twv:not-earned (value: days waited, n: hours per week x hourly wage cents at its
 * start); a participant is in twv:refused-or-withdrawn from the first refusal or withdrawal on, and in
 * twv:refused-or-withdrawn-not-placed until the first placement.
 */
final class TwvCounts {

    static final String OUTCOME = "twv:outcome:";
    static final String CLOSED = "twv:closed:";
    static final String LEAD_TIME_WITH_INTERMEDIARY = "twv:lead-time:intermediary";
    static final String LEAD_TIME_WITHOUT_INTERMEDIARY = "twv:lead-time:direct";
    static final String WAITED = "twv:waited";
    static final String NOT_EARNED = "twv:not-earned";
    static final String REFUSED_OR_WITHDRAWN = "twv:refused-or-withdrawn";
    static final String REFUSED_OR_WITHDRAWN_NOT_PLACED = "twv:refused-or-withdrawn-not-placed";
    static final List<String> KINDS = Stream.of(
            TwvBurdenFigure.OUTCOMES.stream().map(outcome -> OUTCOME + outcome),
            TwvBurdenFigure.CLOSED_WITHOUT_DECISION.stream().map(closure -> CLOSED + closure),
            Stream.of(LEAD_TIME_WITH_INTERMEDIARY, LEAD_TIME_WITHOUT_INTERMEDIARY, WAITED, NOT_EARNED, REFUSED_OR_WITHDRAWN,
                    REFUSED_OR_WITHDRAWN_NOT_PLACED)).flatMap(kinds -> kinds).toList();

    private TwvCounts() {
    }

    static TwvBurdenFigure.Input input(ScopeCounts counts) {
        BigInteger notEarned = histogram(counts, NOT_EARNED).entrySet().stream()
                .map(days -> BigInteger.valueOf(days.getKey()).multiply(BigInteger.valueOf(days.getValue())))
                .reduce(BigInteger.ZERO, BigInteger::add);
        return new TwvBurdenFigure.Input(byName(counts, OUTCOME, TwvBurdenFigure.OUTCOMES),
                byName(counts, CLOSED, TwvBurdenFigure.CLOSED_WITHOUT_DECISION),
                histogram(counts, LEAD_TIME_WITH_INTERMEDIARY), histogram(counts, LEAD_TIME_WITHOUT_INTERMEDIARY),
                histogram(counts, WAITED), notEarned, counts.count(REFUSED_OR_WITHDRAWN), counts.count(REFUSED_OR_WITHDRAWN_NOT_PLACED));
    }

    private static Map<String, Long> byName(ScopeCounts counts, String prefix, List<String> names) {
        Map<String, Long> byName = new LinkedHashMap<>();
        names.forEach(name -> byName.put(name, counts.count(prefix + name)));
        return byName;
    }

    private static SortedMap<Long, Long> histogram(ScopeCounts counts, String kind) {
        SortedMap<Long, Long> histogram = new TreeMap<>();
        counts.byKind().getOrDefault(kind, new TreeMap<>()).forEach((value, n) -> histogram.put((long) value, n));
        return histogram;
    }
}
