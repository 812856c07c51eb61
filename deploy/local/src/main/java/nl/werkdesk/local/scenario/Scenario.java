package nl.werkdesk.local.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A scenario as written in its data file (JSON): counts, date ranges and amounts, and the seed from which
 * {@link ScenarioGenerator} draws every date, person and choice. The same file and seed always give the same plan.
 */
public record Scenario(
        String name,
        String title,
        long seed,
        LocalDate asOf,
        List<BudgetAllocation> budget,
        List<Expenditure> expenditure,
        List<EmployerGroup> employers,
        List<JobFair> jobFairs,
        List<Cohort> cohorts,
        Twv twv,
        List<String> relocationDestinations,
        List<Nationality> nationalities) {

    /** The pilot as reported on 16 October 2025, shipped with the launcher. */
    public static final String AMSTERDAM_PILOT = "scenarios/amsterdam-pilot.json";

    /** Budget for one phase of the pilot. */
    public record BudgetAllocation(int phase, long amountCents, LocalDate allocatedOn) {
    }

    /**
     * Money spent: one booking on {@code bookedOn}, or one every month from {@code from} until {@code until} on
     * {@code day} (never after the scenario's asOf). No location: a programme-wide cost.
     */
    public record Expenditure(String category, String location, long amountCents, LocalDate bookedOn, YearMonth from,
            YearMonth until, Integer day) {
    }

    /** Employers of one sector: how many, their vacancies, wages (euro cents per hour) and hours. */
    public record EmployerGroup(String sector, int count, int temporaryEmploymentAgencies, int withTwvIntermediary,
            LocalDate registeredFrom, LocalDate registeredUntil, int vacanciesPerEmployer, long minHourlyWageCents,
            long maxHourlyWageCents, int minHoursPerWeek, int maxHoursPerWeek, List<String> tradeNames,
            List<String> jobTitles, List<String> places) {
    }

    /** A job fair at a reception location with this many of the employers registered by then. */
    public record JobFair(LocalDate heldOn, String location, int employers) {
    }

    /**
     * The participants enrolled at one location in a date range, and how many of them reach each step of the
     * journey. TWV counts are requests; {@code placedAfterRefusal} of the placed-with-TWV had a refused TWV first.
     */
    public record Cohort(String location, int participants, LocalDate registeredFrom, LocalDate registeredUntil,
            int intakes, int withActivity, int dublinClaimants, int notYetEligible, int placedWithTwv,
            int placedAfterRefusal, int placedAsStatusHolder, int refusedTwvs, int pendingTwvs,
            Map<String, Integer> placementEnds) {
    }

    /** Lead times of a TWV in days: request to complete application, complete application to UWV's decision. */
    public record Twv(int minCompletionDays, int maxCompletionDays, int minDecisionDays, int maxDecisionDays,
            int minStartAfterRequestDays, int maxStartAfterRequestDays, Map<String, Integer> refusalReasons) {
    }

    /** A nationality (ISO 3166 alpha-3), how often it occurs (weight) and the languages spoken (ISO 639). */
    public record Nationality(String code, int weight, List<String> languages) {
    }

    public int participants() {
        return cohorts.stream().mapToInt(Cohort::participants).sum();
    }

    public static Scenario read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenario " + file, e);
        }
    }

    public static Scenario readResource(String resource) {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No scenario " + resource + " on the classpath");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenario " + resource, e);
        }
    }

    private static Scenario read(InputStream in, String source) throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return json.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Scenario " + source + " is not valid: " + e.getMessage(), e);
        }
    }
}
