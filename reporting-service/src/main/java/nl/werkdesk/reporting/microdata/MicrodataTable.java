package nl.werkdesk.reporting.microdata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationFacts;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Activity;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Participant;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Permit;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Placement;
import nl.werkdesk.reporting.microdata.MicrodataRecord.Attributes;

/**
 * The researcher's records of a scope as of a date, before disclosure control: one per participant enrolled by asOf, as the
 * codebook defines the columns. Pure: the facts, the date, the phases, the pseudonym key and the minimum wages come in.
 */
public final class MicrodataTable {

    static final String APPLICATION_TRAINING = "application-training";
    static final String CV_HELP = "cv-help";
    static final String JOB_FAIR = "job-fair";
    static final String RELOCATED_BY_COA = "relocated-by-coa";
    /** Lower bounds of the wage bands, in percent of the minimum wage in force, with their names. */
    static final List<Integer> WAGE_BAND_BOUNDS = List.of(100, 110, 125, 150);
    static final List<String> WAGE_BANDS = List.of("below-100", "100-110", "110-125", "125-150", "150-plus");

    private MicrodataTable() {
    }

    /** A record before disclosure control: the pseudonym, the quasi-identifiers as they are, and the rest. */
    public record Row(String pseudonym, QuasiIdentifiers quasiIdentifiers, Attributes attributes) {
    }

    /** The rows, ordered by pseudonym: an order that says nothing about the people. */
    public static List<Row> rows(MicrodataFacts facts, LocalDate asOf, Phases phases, Pseudonyms pseudonyms, MinimumWages minimumWages) {
        Map<UUID, List<Activity>> activities = byParticipant(facts.activities(), Activity::participantId);
        Map<UUID, List<Permit>> permits = byParticipant(facts.permits(), Permit::participantId);
        Map<UUID, List<Placement>> placements = byParticipant(facts.placements(), Placement::participantId);
        List<Row> rows = new ArrayList<>();
        for (Participant participant : facts.participants()) {
            if (!onOrBefore(participant.registeredOn(), asOf)) {
                continue;
            }
            UUID id = participant.participantId();
            rows.add(row(participant, activities.getOrDefault(id, List.of()), permits.getOrDefault(id, List.of()),
                    placements.getOrDefault(id, List.of()), asOf, phases, pseudonyms, minimumWages));
        }
        rows.sort(Comparator.comparing(Row::pseudonym));
        return rows;
    }

    private static Row row(Participant participant, List<Activity> allActivities, List<Permit> allPermits, List<Placement> allPlacements,
                           LocalDate asOf, Phases phases, Pseudonyms pseudonyms, MinimumWages minimumWages) {
        LocalDate intake = onOrBefore(participant.intakeOn(), asOf) ? participant.intakeOn() : null;
        QuasiIdentifiers identifiers = QuasiIdentifiers.of(participant.location(),
                phases.on(participant.registeredOn()).map(Phases.Phase::number).orElse(null), YearMonth.from(participant.registeredOn()),
                participant.asylumTrack(), participant.wDocumentType(), intake == null ? null : participant.dutchLevel());

        List<Activity> activities = allActivities.stream().filter(activity -> onOrBefore(activity.on(), asOf)).toList();
        LocalDate firstActivity = activities.stream().map(Activity::on).min(Comparator.naturalOrder()).orElse(null);
        int jobFairDays = (int) activities.stream().filter(activity -> activity.kind().equals(JOB_FAIR)).map(Activity::on).distinct().count();

        List<Permit> permits = allPermits.stream().filter(permit -> onOrBefore(permit.requestedOn(), asOf)).toList();
        // The first request; of two on one day, the one decided first.
        Optional<Permit> firstPermit = permits.stream().min(Comparator.comparing(Permit::requestedOn)
                .thenComparing(permit -> decidedOn(permit, asOf), Comparator.nullsLast(Comparator.naturalOrder())));

        List<Placement> placements = allPlacements.stream().filter(placement -> onOrBefore(placement.placement().startedOn(), asOf))
                .sorted(Comparator.comparing((Placement placement) -> placement.placement().startedOn()).thenComparing(Placement::placementId))
                .toList();
        Placement first = placements.isEmpty() ? null : placements.get(0);
        EvaluationFacts.Terms termsAtStart = first == null ? null : first.placement().termsOn(first.placement().startedOn());

        Attributes attributes = new Attributes(
                intake == null ? null : participant.englishLevel(),
                intake == null ? null : participant.sectorPreferences(),
                days(participant.registeredOn(), intake),
                count(activities, APPLICATION_TRAINING),
                count(activities, CV_HELP),
                jobFairDays,
                firstActivity == null ? null : days(intake, firstActivity),
                permits.size(),
                (int) permits.stream().filter(permit -> onOrBefore(permit.grantedOn(), asOf)).count(),
                (int) permits.stream().filter(permit -> onOrBefore(permit.refusedOn(), asOf)).count(),
                (int) permits.stream().filter(permit -> onOrBefore(permit.withdrawnOn(), asOf)).count(),
                firstPermit.map(permit -> days(permit.requestedOn(), decidedOn(permit, asOf))).orElse(null),
                first == null ? 0 : 1,
                first == null ? null : days(intake, first.placement().startedOn()),
                first == null ? null : first.sector(),
                first == null ? null : first.contractType(),
                termsAtStart == null ? null : termsAtStart.hoursPerWeek(),
                termsAtStart == null ? null
                        : wageBand(termsAtStart.hourlyWageCents(), minimumWages.inForceOn(first.placement().startedOn())),
                placements.size(),
                placements.stream().anyMatch(placement -> sustained(placement, asOf)) ? 1 : 0,
                placements.stream().anyMatch(placement -> RELOCATED_BY_COA.equals(placement.placement().endReason())
                        && onOrBefore(placement.placement().endedOn(), asOf)) ? 1 : 0,
                onOrBefore(participant.statusGrantedOn(), asOf) ? 1 : 0,
                onOrBefore(participant.leftOn(), asOf) ? participant.leftReason() : null);
        return new Row(pseudonyms.of(participant.participantId()), identifiers, attributes);
    }

    /** UWV's decision (granted or refused) on or before asOf; null when undecided then. */
    private static LocalDate decidedOn(Permit permit, LocalDate asOf) {
        return onOrBefore(permit.grantedOn(), asOf) ? permit.grantedOn() : onOrBefore(permit.refusedOn(), asOf) ? permit.refusedOn() : null;
    }

    /** Lasted 26 weeks by asOf: the milestone, unless an end dated before it withdrew it (as the metrics count it). */
    private static boolean sustained(Placement placement, LocalDate asOf) {
        LocalDate endedOn = placement.placement().endedOn();
        return onOrBefore(placement.sustainedOn(), asOf) && (endedOn == null || !endedOn.isBefore(placement.sustainedOn()));
    }

    /**
     * The hourly wage as a band of the minimum wage in force: below-100, 100-110, 110-125, 125-150 or 150-plus percent (lower
     * bound included); null when no minimum wage is known for the day. Whole cents compared exactly, no rounding.
     */
    static String wageBand(long hourlyWageCents, Optional<MinimumWages.Rate> minimum) {
        if (minimum.isEmpty()) {
            return null;
        }
        int band = 0;
        while (band < WAGE_BAND_BOUNDS.size() && hourlyWageCents * 100 >= WAGE_BAND_BOUNDS.get(band) * minimum.get().hourlyCents()) {
            band++;
        }
        return WAGE_BANDS.get(band);
    }

    private static int count(List<Activity> activities, String kind) {
        return (int) activities.stream().filter(activity -> activity.kind().equals(kind)).count();
    }

    /** Calendar days from one date to another; null when either is missing. */
    private static Integer days(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    private static boolean onOrBefore(LocalDate date, LocalDate asOf) {
        return date != null && !date.isAfter(asOf);
    }

    private static <T> Map<UUID, List<T>> byParticipant(List<T> facts, java.util.function.Function<T, UUID> participant) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        facts.forEach(fact -> grouped.computeIfAbsent(participant.apply(fact), id -> new ArrayList<>()).add(fact));
        return grouped;
    }
}
