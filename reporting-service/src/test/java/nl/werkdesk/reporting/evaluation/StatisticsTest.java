package nl.werkdesk.reporting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The statistics the figures share, on cases worked out by hand. */
class StatisticsTest {

    @Test
    void takesTheNinetiethPercentileByNearestRank() {
        assertEquals(10L, Statistics.percentile90(List.of(10L)));
        assertEquals(9L, Statistics.percentile90(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)), "rank ceil(9.0) = 9");
        assertEquals(10L, Statistics.percentile90(List.of(11L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)), "rank ceil(9.9) = 10");
        assertNull(Statistics.percentile90(List.of()));
    }

    @Test
    void takesTheMeanOfTheTwoMiddleValuesForAnEvenCount() {
        assertEquals(new BigDecimal("45.5"), Statistics.median(List.of(55L, 21L, 49L, 42L)));
        assertEquals(new BigDecimal("42.0"), Statistics.median(List.of(55L, 21L, 42L)));
        assertNull(Statistics.median(List.of()));
    }

    @Test
    void givesTheWilsonScoreIntervalWithZ196() {
        assertEquals(new Statistics.Interval(new BigDecimal("0.2307"), new BigDecimal("0.8824")), Statistics.wilson(3, 5));
        assertEquals(new Statistics.Interval(new BigDecimal("0.0000"), new BigDecimal("0.7935")), Statistics.wilson(0, 1));
        assertEquals(new Statistics.Interval(new BigDecimal("0.3424"), new BigDecimal("1.0000")), Statistics.wilson(2, 2));
        assertNull(Statistics.wilson(0, 0));
    }

    @Test
    void roundsASurvivalExactlyOnceAtTheEnd() {
        // Five days with one event among two at risk each time: S = 1/32 = 0.03125, a tie at four decimals: half up.
        List<KaplanMeier.Observation> halves = List.of(new KaplanMeier.Observation(1, true), new KaplanMeier.Observation(1, false));
        Fraction survival = Fraction.ONE;
        for (int i = 0; i < 5; i++) {
            survival = survival.times(KaplanMeier.of(halves).survivalAt(1).orElseThrow());
        }
        assertEquals(new BigDecimal("0.0313"), survival.rounded(4));
    }

    @Test
    void keepsTheSurvivalOfALongCurveExactAndInLowestTerms() {
        Random random = new Random(17);
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            observations.add(new KaplanMeier.Observation(random.nextInt(700), random.nextInt(3) > 0));
        }
        BigInteger numerator = BigInteger.ONE;
        BigInteger denominator = BigInteger.ONE;
        for (KaplanMeier.Step step : KaplanMeier.of(observations).steps()) {
            if (step.events() > 0) {
                numerator = numerator.multiply(BigInteger.valueOf(step.atRisk() - step.events()));
                denominator = denominator.multiply(BigInteger.valueOf(step.atRisk()));
            }
            Fraction survival = step.survival();
            assertEquals(numerator.multiply(survival.denominator()), survival.numerator().multiply(denominator), "day " + step.day());
            assertEquals(BigInteger.ONE, survival.numerator().gcd(survival.denominator()), "day " + step.day());
        }
    }

    @Test
    void readsNoSurvivalBeyondTheLongestObservedTime() {
        KaplanMeier curve = KaplanMeier.of(List.of(new KaplanMeier.Observation(0, true), new KaplanMeier.Observation(10, false),
                new KaplanMeier.Observation(10, true)));
        // Day 0: 1 of 3; day 10: 1 of 2, the censoring after the event.
        assertEquals(Optional.of(Fraction.of(2, 3)), curve.survivalAt(9));
        assertEquals(Optional.of(Fraction.of(1, 3)), curve.survivalAt(10));
        assertEquals(Optional.empty(), curve.survivalAt(11));
        assertEquals(Optional.of(10), curve.median());
    }

    @Test
    void aCurveFromCountsPerDayEqualsTheCurveOfAsManyObservations() {
        List<KaplanMeier.Observation> observations = List.of(new KaplanMeier.Observation(0, true), new KaplanMeier.Observation(3, false),
                new KaplanMeier.Observation(3, false), new KaplanMeier.Observation(3, true), new KaplanMeier.Observation(7, true));
        KaplanMeier fromObservations = KaplanMeier.of(observations);
        KaplanMeier fromCounts = new KaplanMeier.Counts().add(3, false, 2).add(7, true, 1).add(0, true, 1).add(3, true, 1)
                .add(5, true, 0).curve();
        assertEquals(fromObservations.steps(), fromCounts.steps());
        assertEquals(List.of(0, 3, 7), fromCounts.steps().stream().map(KaplanMeier.Step::day).toList(), "a day counted 0 times is no step");
        assertEquals(5, fromCounts.size());
        assertEquals(3, fromCounts.events());
        assertEquals(2, fromCounts.eventsThrough(3));
        assertEquals(2, fromCounts.censoredThrough(6));
        assertThrows(IllegalArgumentException.class, () -> new KaplanMeier.Counts().add(-1, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new KaplanMeier.Counts().add(1, false, -1));
    }
}
