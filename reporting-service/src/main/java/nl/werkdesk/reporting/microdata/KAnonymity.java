package nl.werkdesk.reporting.microdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * k-anonymity over the {@link QuasiIdentifiers}: in the output every combination of them occurs at least k times. Where a
 * combination occurs fewer than k times, the whole table is generalised, one step at a time in a fixed order, until none
 * does: the enrolment month to its quarter, then to its year; the Dutch level to its band; the asylum track left blank.
 * Rows whose combination still occurs fewer than k times after every step are suppressed. A step applies to every row (a
 * column has one granularity in a file), so that rows cannot be told apart by how coarse they are.
 */
public final class KAnonymity {

    /** The generalisations, in the order they are applied. */
    public enum Generalisation {
        @JsonProperty("enrolment-month-to-quarter") ENROLMENT_MONTH_TO_QUARTER,
        @JsonProperty("enrolment-quarter-to-year") ENROLMENT_QUARTER_TO_YEAR,
        @JsonProperty("dutch-level-to-band") DUTCH_LEVEL_TO_BAND,
        @JsonProperty("asylum-track-left-blank") ASYLUM_TRACK_LEFT_BLANK;

        public static final List<Generalisation> ORDER = List.of(values());
    }

    /** A row that stays in the output, with its quasi-identifiers as generalised. */
    public record Kept<T>(T row, QuasiIdentifiers quasiIdentifiers) {
    }

    /**
     * @param kReached the smallest number of rows that share a combination in the output (at least k); null without rows
     */
    public record Result<T>(List<Kept<T>> rows, int k, Integer kReached, List<Generalisation> generalisations, int rowsSuppressed) {
    }

    private KAnonymity() {
    }

    public static <T> Result<T> apply(List<T> rows, Function<T, QuasiIdentifiers> quasiIdentifiers, int k) {
        List<QuasiIdentifiers> current = new ArrayList<>(rows.size());
        rows.forEach(row -> current.add(quasiIdentifiers.apply(row)));
        List<Generalisation> applied = new ArrayList<>();
        while (smallestClass(current) < k && applied.size() < Generalisation.ORDER.size()) {
            Generalisation step = Generalisation.ORDER.get(applied.size());
            current.replaceAll(identifiers -> identifiers.generalised(step));
            applied.add(step);
        }
        Map<QuasiIdentifiers, Integer> sizes = classSizes(current);
        List<Kept<T>> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (sizes.get(current.get(i)) >= k) {
                kept.add(new Kept<>(rows.get(i), current.get(i)));
            }
        }
        Integer reached = kept.isEmpty() ? null : smallestClass(kept.stream().map(Kept::quasiIdentifiers).toList());
        return new Result<>(List.copyOf(kept), k, reached, List.copyOf(applied), rows.size() - kept.size());
    }

    /** The number of rows of the rarest combination; Integer.MAX_VALUE without rows. */
    static int smallestClass(List<QuasiIdentifiers> identifiers) {
        return classSizes(identifiers).values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
    }

    static Map<QuasiIdentifiers, Integer> classSizes(List<QuasiIdentifiers> identifiers) {
        Map<QuasiIdentifiers, Integer> sizes = new HashMap<>();
        identifiers.forEach(combination -> sizes.merge(combination, 1, Integer::sum));
        return sizes;
    }
}
