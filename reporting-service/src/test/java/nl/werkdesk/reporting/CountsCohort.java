package nl.werkdesk.reporting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.Scope;

/**
 * A random cohort (seeded) at two locations of its own, for the property tests that compare the figures served from the
 * day counts with the figures recounted from the facts. A test's cohort says only what its participants do (with
 * {@link #add} and {@link #day}); this class publishes the events in a random order, a fifth of them twice, and runs the
 * test's comparison in every scope (each location and both together, each phase and all) as of every fourth day and
 * every event's date.
 */
public abstract class CountsCohort {

    public static final LocalDate FIRST = LocalDate.parse("2024-12-10");
    public static final LocalDate LAST = LocalDate.parse("2025-12-31");
    /** The comparison is made as of every this many days across the range, besides every event's date. */
    static final int DAYS_BETWEEN_DATES = 4;
    /** Fewer scopes compared means the comparison did not run as meant. */
    static final int MIN_SCOPES = 1000;

    public final PilotScenario west = new PilotScenario();
    public final PilotScenario east = new PilotScenario();
    /** The one employer and vacancy of the cohort's TWVs and placements. */
    protected final UUID employer = UUID.randomUUID();
    protected final UUID vacancy = UUID.randomUUID();
    protected final Random random;
    private final List<IntegrationEvent> events = new ArrayList<>();
    private final Set<LocalDate> dates = new TreeSet<>();

    protected CountsCohort(Random random) {
        this.random = random;
    }

    /** The comparison of one scope, which asserts; {@link #compareInEveryScope} calls it in every scope. */
    @FunctionalInterface
    public interface Comparison {
        void compare(At at) throws Throwable;
    }

    /** The scope compared, the how-manieth it is (from 0) and where it is, for the messages. */
    public record At(Scope scope, int index, String where) {

        /** Every other scope as an analyst sees it (suppressed), so that both ways are compared across the cohort. */
        public boolean analyst() {
            return index % 2 == 0;
        }
    }

    /** Makes the participants, every other one at west and the others at east. */
    protected final void participants(int count, Consumer<PilotScenario> participant) {
        for (int i = 0; i < count; i++) {
            participant.accept(i % 2 == 0 ? west : east);
        }
    }

    protected final void add(IntegrationEvent event) {
        events.add(event);
        dates.add(event.occurredOn());
    }

    /** A random day from one date through another. */
    protected final LocalDate day(LocalDate from, LocalDate until) {
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, until) + 1));
    }

    /** Publishes the events in a random order, a fifth of them twice, and waits until reporting-service processed them. */
    public final void publish() {
        List<IntegrationEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size() / 5; i++) {
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
        }
        Events.publishAndAwait(shuffled.toArray(IntegrationEvent[]::new));
    }

    /**
     * Runs the comparison in every scope of the cohort's locations, each and together, in each phase and in all, as of
     * every fourth day from FIRST through the given date and as of every event's date; and asserts that it ran in more
     * than MIN_SCOPES scopes.
     */
    public final void compareInEveryScope(Phases phases, LocalDate through, Comparison comparison) throws Throwable {
        Set<LocalDate> asOfs = new TreeSet<>(dates);
        for (LocalDate day = FIRST; !day.isAfter(through); day = day.plusDays(DAYS_BETWEEN_DATES)) {
            asOfs.add(day);
        }
        List<String> locations = new ArrayList<>(List.of(west.location, east.location));
        locations.add(null);
        List<Integer> phaseNumbers = new ArrayList<>(phases.numbers());
        phaseNumbers.add(null);
        int compared = 0;
        for (LocalDate asOf : asOfs) {
            for (String location : locations) {
                for (Integer phase : phaseNumbers) {
                    Scope scope = Scope.of(location, phase, null, null, asOf, phases);
                    String where = "as of " + asOf + ", location " + location + ", phase " + phase;
                    assertTrue(MetricsQueries.counted(scope), where);
                    comparison.compare(new At(scope, compared, where));
                    compared++;
                }
            }
        }
        assertTrue(compared > MIN_SCOPES, "compared in " + compared + " scopes");
    }

    /** Runs a query in a Hibernate Reactive session on a Vert.x context, as a request would, and waits for its result. */
    public static <T> T onContext(Supplier<Uni<T>> query) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
    }
}
