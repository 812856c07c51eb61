package nl.werkdesk.reporting.microdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.werkdesk.reporting.microdata.KAnonymity.Generalisation;
import org.junit.jupiter.api.Test;

/**
 * k-anonymity on random cohorts (a seeded generator, so a failure can be replayed): every combination of quasi-identifiers in
 * the output occurs at least k times; the generalisations are the fixed order's first steps, each one needed; rows are
 * suppressed only after every step; nothing else about a row changes.
 */
class KAnonymityPropertyTest {

    static final long SEED = 20261213L;
    static final int COHORTS = 500;
    static final List<String> LOCATIONS = List.of("Willinklaan", "Kabelweg", "Provincialeweg");
    static final List<String> TRACKS = List.of("regular", "high-recognition-chance", "safe-country-of-origin");
    static final List<String> LEVELS = List.of("none", "A1", "A2", "B1", "B2", "C1", "C2");

    /** A participant's record: the quasi-identifiers and a number standing for everything else. */
    record Person(int number, QuasiIdentifiers identifiers) {
    }

    @Test
    void everyCombinationInTheOutputOccursAtLeastKTimes() {
        Random random = new Random(SEED);
        int generalised = 0;
        int suppressing = 0;
        for (int cohort = 0; cohort < COHORTS; cohort++) {
            int k = 5 + random.nextInt(8);
            List<Person> people = cohort(random, random.nextInt(400));
            KAnonymity.Result<Person> result = KAnonymity.apply(people, Person::identifiers, k);
            String replay = "seed " + SEED + ", cohort " + cohort + ", k " + k + ", " + people.size() + " people";

            Map<QuasiIdentifiers, Integer> sizes = new HashMap<>();
            result.rows().forEach(kept -> sizes.merge(kept.quasiIdentifiers(), 1, Integer::sum));
            sizes.forEach((combination, size) -> assertTrue(size >= k, replay + ": " + combination + " occurs " + size + " times"));
            assertEquals(people.size(), result.rows().size() + result.rowsSuppressed(), replay);
            assertEquals(k, result.k());
            if (result.rows().isEmpty()) {
                assertNull(result.kReached(), replay);
            } else {
                assertEquals(sizes.values().stream().min(Integer::compare).orElseThrow(), result.kReached(), replay);
            }

            List<Generalisation> applied = result.generalisations();
            assertEquals(Generalisation.ORDER.subList(0, applied.size()), applied, replay + ": the fixed order's first steps");
            for (int shorter = 0; shorter < applied.size(); shorter++) {
                assertTrue(smallestClass(people, Generalisation.ORDER.subList(0, shorter)) < k,
                        replay + ": " + applied.get(shorter) + " was needed");
            }
            if (result.rowsSuppressed() > 0) {
                assertEquals(Generalisation.ORDER, applied, replay + ": suppression only after every generalisation");
                suppressing++;
            }
            if (!applied.isEmpty()) {
                generalised++;
            }
            for (KAnonymity.Kept<Person> kept : result.rows()) {
                assertEquals(generalise(kept.row().identifiers(), applied), kept.quasiIdentifiers(), replay + ": only generalised");
            }
        }
        assertTrue(generalised > COHORTS / 4 && suppressing > COHORTS / 20, "the cohorts exercise generalisation (" + generalised
                + ") and suppression (" + suppressing + ")");
    }

    @Test
    void generalisesMonthQuarterYearDutchLevelAndAsylumTrackInThatOrder() {
        QuasiIdentifiers march = QuasiIdentifiers.of("Willinklaan", 1, YearMonth.of(2025, 3), "regular", "W", "B2");
        assertEquals("2025-Q1", march.generalised(Generalisation.ENROLMENT_MONTH_TO_QUARTER).enrolmentPeriod());
        assertEquals("2025-Q4", QuasiIdentifiers.quarterOf("2025-12"));
        assertEquals("2025", march.generalised(Generalisation.ENROLMENT_MONTH_TO_QUARTER)
                .generalised(Generalisation.ENROLMENT_QUARTER_TO_YEAR).enrolmentPeriod());
        assertEquals("B", march.generalised(Generalisation.DUTCH_LEVEL_TO_BAND).dutchLevelAtIntake());
        assertEquals("none/A", QuasiIdentifiers.band("none"));
        assertEquals("none/A", QuasiIdentifiers.band("A2"));
        assertEquals("C", QuasiIdentifiers.band("C1"));
        assertNull(QuasiIdentifiers.band(null), "no intake: no level, no band");
        assertNull(march.generalised(Generalisation.ASYLUM_TRACK_LEFT_BLANK).asylumTrack());

        // Five in March and one in February of the same quarter: the quarter suffices.
        List<Person> six = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            six.add(new Person(i, march));
        }
        six.add(new Person(5, QuasiIdentifiers.of("Willinklaan", 1, YearMonth.of(2025, 2), "regular", "W", "B2")));
        KAnonymity.Result<Person> result = KAnonymity.apply(six, Person::identifiers, 5);
        assertEquals(List.of(Generalisation.ENROLMENT_MONTH_TO_QUARTER), result.generalisations());
        assertEquals(6, result.kReached());
        assertEquals(0, result.rowsSuppressed());
    }

    @Test
    void suppressesWhatNoGeneralisationMakesCommonEnough() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            people.add(new Person(i, QuasiIdentifiers.of("Willinklaan", 1, YearMonth.of(2025, 3), "regular", "W", "B1")));
        }
        // Alone in its location: nothing generalises a location.
        people.add(new Person(7, QuasiIdentifiers.of("Kabelweg", 2, YearMonth.of(2025, 9), "regular", "W2", "A1")));
        KAnonymity.Result<Person> result = KAnonymity.apply(people, Person::identifiers, 5);
        assertEquals(Generalisation.ORDER, result.generalisations());
        assertEquals(1, result.rowsSuppressed());
        assertEquals(7, result.kReached());
        assertTrue(result.rows().stream().noneMatch(kept -> kept.row().number() == 7));
    }

    @Test
    void leavesACommonEnoughTableAsItIs() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(new Person(i, QuasiIdentifiers.of("Willinklaan", 1, YearMonth.of(2025, 3), "regular", "W", null)));
        }
        KAnonymity.Result<Person> result = KAnonymity.apply(people, Person::identifiers, 5);
        assertEquals(List.of(), result.generalisations());
        assertEquals(5, result.kReached());
        KAnonymity.Result<Person> empty = KAnonymity.apply(List.<Person>of(), Person::identifiers, 5);
        assertEquals(List.of(), empty.generalisations());
        assertNull(empty.kReached());
    }

    /** A cohort with skewed distributions, as a real one has: a few common values and a long tail. */
    static List<Person> cohort(Random random, int size) {
        List<Person> people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            YearMonth month = YearMonth.of(2025, 1).plusMonths(skewed(random, 24));
            people.add(new Person(i, QuasiIdentifiers.of(LOCATIONS.get(skewed(random, LOCATIONS.size())), month.getYear() == 2025 ? 1 : 2,
                    month, TRACKS.get(skewed(random, TRACKS.size())), random.nextInt(20) == 0 ? "W2" : "W",
                    random.nextInt(6) == 0 ? null : LEVELS.get(skewed(random, LEVELS.size())))));
        }
        return people;
    }

    /** 0 most often, then 1, ...: each value half as likely as the one before, within the bound. */
    private static int skewed(Random random, int bound) {
        int value = 0;
        while (value < bound - 1 && random.nextBoolean()) {
            value++;
        }
        return value;
    }

    private static int smallestClass(List<Person> people, List<Generalisation> steps) {
        Map<QuasiIdentifiers, Integer> sizes = new HashMap<>();
        people.forEach(person -> sizes.merge(generalise(person.identifiers(), steps), 1, Integer::sum));
        return sizes.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
    }

    private static QuasiIdentifiers generalise(QuasiIdentifiers identifiers, List<Generalisation> steps) {
        QuasiIdentifiers result = identifiers;
        for (Generalisation step : steps) {
            result = result.generalised(step);
        }
        return result;
    }
}
